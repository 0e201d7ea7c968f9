using AlertsPanel.Api.Tests.Support;

[assembly: AssemblyFixture(typeof(ApiFactory))]
