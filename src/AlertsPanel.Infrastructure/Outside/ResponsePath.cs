using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AlertsPanel.Infrastructure.Outside;

/// <summary>
/// The <c>saveResponse</c> paths of <c>http_request</c>: <c>$status</c> (the status code) or a JSONPath
/// of member names and indexes into the response body: <c>$.data.id</c>, <c>$.items[0].id</c>, <c>$['a-b']</c>.
/// </summary>
public static partial class ResponsePath
{
    public const string Status = "$status";

    [GeneratedRegex(@"\G(?:\.([A-Za-z0-9_-]+)|\[(\d{1,6})\]|\['([^']{1,200})'\])")]
    private static partial Regex Segment();

    public static bool IsValid(string path) => path == Status || Segments(path) is not null;

    /// <summary>The value at the path as text (objects and arrays as JSON), or null where the body has nothing there.</summary>
    public static string? Select(JsonNode? body, string path)
    {
        var node = body;
        foreach (var segment in Segments(path) ?? [])
        {
            node = (node, segment) switch
            {
                (JsonObject o, string name) => o[name],
                (JsonArray a, int index) when index < a.Count => a[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
            _ => node.ToJsonString(),
        };
    }

    private static List<object>? Segments(string path)
    {
        if (!path.StartsWith('$'))
        {
            return null;
        }
        var segments = new List<object>();
        var at = 1;
        while (at < path.Length)
        {
            var match = Segment().Match(path, at);
            if (!match.Success)
            {
                return null;
            }
            segments.Add(match.Groups[1].Success ? match.Groups[1].Value
                : match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)
                : match.Groups[3].Value);
            at += match.Length;
        }
        return segments;
    }
}
