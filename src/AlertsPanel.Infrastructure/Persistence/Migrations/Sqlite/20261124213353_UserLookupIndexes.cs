using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlertsPanel.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UserLookupIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BotUsers_BotKey_Email",
                table: "BotUsers");

            migrationBuilder.DropIndex(
                name: "IX_BotUsers_BotKey_ExternalId",
                table: "BotUsers");

            migrationBuilder.DropIndex(
                name: "IX_BotUsers_BotKey_Phone",
                table: "BotUsers");

            migrationBuilder.CreateIndex(
                name: "IX_BotUsers_BotKey_Email_CreatedAt",
                table: "BotUsers",
                columns: new[] { "BotKey", "Email", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BotUsers_BotKey_ExternalId_CreatedAt",
                table: "BotUsers",
                columns: new[] { "BotKey", "ExternalId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BotUsers_BotKey_Phone_CreatedAt",
                table: "BotUsers",
                columns: new[] { "BotKey", "Phone", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BotUsers_BotKey_Email_CreatedAt",
                table: "BotUsers");

            migrationBuilder.DropIndex(
                name: "IX_BotUsers_BotKey_ExternalId_CreatedAt",
                table: "BotUsers");

            migrationBuilder.DropIndex(
                name: "IX_BotUsers_BotKey_Phone_CreatedAt",
                table: "BotUsers");

            migrationBuilder.CreateIndex(
                name: "IX_BotUsers_BotKey_Email",
                table: "BotUsers",
                columns: new[] { "BotKey", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_BotUsers_BotKey_ExternalId",
                table: "BotUsers",
                columns: new[] { "BotKey", "ExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_BotUsers_BotKey_Phone",
                table: "BotUsers",
                columns: new[] { "BotKey", "Phone" });
        }
    }
}
