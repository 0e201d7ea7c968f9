using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlertsPanel.Application.Engine.NodeTypes;

public static class NodeTypeServiceCollectionExtensions
{
    /// <summary>
    /// Adds a node type. Its constructor may take any singleton service (an <c>IHttpClientFactory</c>, options);
    /// per-execution services come from <see cref="NodeContext.Services"/>.
    /// </summary>
    public static IServiceCollection AddNodeType<TNodeType>(this IServiceCollection services)
        where TNodeType : class, INodeType
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INodeType, TNodeType>());
        services.TryAddSingleton<NodeTypeRegistry>();
        return services;
    }
}
