using System.Text;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Common.Security;
using AlertsPanel.Application.Customers.GetIntegrations;
using AlertsPanel.Application.Engine;
using Mediator;

namespace AlertsPanel.Application.Flows.GetFlowPathInfo;

/// <summary>The "i" (path info) view of a flow: its key, its trigger URL, what it reads, and a ready curl command.</summary>
public sealed record GetFlowPathInfoQuery(string Cid, string BotKey, string FlowKey, string BaseUrl) : IQuery<PathInfoDto>;

public sealed class GetFlowPathInfoQueryHandler(IAppDbContext db, CompiledFlowCache flows) : IQueryHandler<GetFlowPathInfoQuery, PathInfoDto>
{
    public async ValueTask<PathInfoDto> Handle(GetFlowPathInfoQuery query, CancellationToken cancellationToken)
    {
        var flow = await db.FlowAsync(query.Cid, query.BotKey, query.FlowKey, cancellationToken);
        var compiled = flows.Get(await db.CurrentVersionAsync(flow, cancellationToken));
        var attributes = compiled.AttributesRead();
        var url = TriggerUrls.For(query.BaseUrl, flow.CustomerCid, flow.BotKey, flow.FlowKey);
        return new PathInfoDto(flow.FlowKey, flow.Name, flow.CurrentVersion, "POST", url, attributes, Curl(url, attributes));
    }

    // The form every web form and script can send; the key is read from the environment, never printed.
    private static string Curl(string url, IReadOnlyList<string> attributes)
    {
        var curl = new StringBuilder($"curl -X POST '{url}' \\\n  -H \"Authorization: Basic $API_KEY\"");
        foreach (var attribute in attributes)
        {
            curl.Append($" \\\n  --data-urlencode '{attribute}=…'");
        }
        return curl.ToString();
    }
}
