using NetArchTest.Rules;

namespace AlertsPanel.Architecture.Tests;

/// <summary>Dependencies point inward: Api → Infrastructure → Application → Domain.</summary>
public sealed class DependencyTests
{
    private static readonly System.Reflection.Assembly Domain = typeof(Domain.Flows.Flow).Assembly;
    private static readonly System.Reflection.Assembly Application = typeof(Application.DependencyInjection).Assembly;
    private static readonly System.Reflection.Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;

    [Fact]
    public void Domain_depends_on_no_other_layer_and_no_framework()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("AlertsPanel.Application", "AlertsPanel.Infrastructure", "AlertsPanel.Api",
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Mediator", "FluentValidation", "AutoMapper")
            .GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Application_knows_no_outer_layer_no_provider_and_no_web_framework()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("AlertsPanel.Infrastructure", "AlertsPanel.Api",
                "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.SqlServer", "Microsoft.Data",
                "Microsoft.AspNetCore", "MailKit")
            .GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Infrastructure_does_not_depend_on_the_api()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("AlertsPanel.Api").GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    private static string Describe(NetArchTest.Rules.TestResult result) =>
        "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []);
}
