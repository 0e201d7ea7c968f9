using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlertsPanel.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class QueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Executions_Status_CreatedAt",
                table: "Executions",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Executions_Status_CreatedAt",
                table: "Executions");
        }
    }
}
