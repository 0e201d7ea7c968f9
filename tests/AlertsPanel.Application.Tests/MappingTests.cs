using AlertsPanel.Application.Common.Mapping;
using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertsPanel.Application.Tests;

public sealed class MappingTests
{
    [Fact]
    public void AutoMapper_configuration_is_valid()
    {
        var configuration = new MapperConfiguration(cfg => cfg.AddProfile<MappingProfile>(), NullLoggerFactory.Instance);

        configuration.AssertConfigurationIsValid();
    }
}
