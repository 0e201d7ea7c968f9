using System.Text;
using System.Text.Json;
using AlertsPanel.Application.Common.Exceptions;
using Microsoft.AspNetCore.WebUtilities;

namespace AlertsPanel.Api.Endpoints;

/// <summary>
/// Reads a trigger's parameters from the query string and a form or JSON body (the body wins on a
/// name both carry; names compare case-insensitively). Structure problems are answered here:
/// 413 above 64 KiB, 415 for other content types, 400 for arrays, repeated names and bad JSON.
/// The parameters' names and values are the command validator's job.
/// </summary>
public static class TriggerRequestReader
{
    public const int MaxBodyBytes = 64 * 1024;
    private const int MaxJsonDepth = 16;

    public sealed class RejectedException(int status, string detail) : Exception(detail)
    {
        public int Status { get; } = status;
    }

    public static async Task<Dictionary<string, string?>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        // 'wait' is the trigger's own option (?wait=N), not an attribute.
        var parameters = FromPairs(request.Query.Where(q => !q.Key.Equals("wait", StringComparison.OrdinalIgnoreCase))
            .Select(q => (q.Key, q.Value.ToArray())), errors);

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body.Length > 0)
        {
            var mediaType = request.ContentType is { } type ? type.Split(';')[0].Trim().ToLowerInvariant() : null;
            var fromBody = mediaType switch
            {
                "application/x-www-form-urlencoded" => FromPairs(
                    QueryHelpers.ParseQuery("?" + Encoding.UTF8.GetString(body)).Select(p => (p.Key, p.Value.ToArray())), errors),
                "application/json" => FromJson(body, errors),
                _ => throw new RejectedException(StatusCodes.Status415UnsupportedMediaType,
                    $"A body of type '{mediaType ?? "(none)"}' is not accepted: send application/json or application/x-www-form-urlencoded."),
            };
            foreach (var (name, value) in fromBody)
            {
                parameters[name] = value;
            }
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        return parameters;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw TooLarge();
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static RejectedException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes / 1024} KiB.");

    private static Dictionary<string, string?> FromPairs(IEnumerable<(string Name, string?[] Values)> pairs, Dictionary<string, string[]> errors)
    {
        var parameters = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in pairs)
        {
            if (values.Length != 1 || !parameters.TryAdd(name, values[0]))
            {
                errors[name] = ["is given more than once; send each parameter once"];
            }
        }
        return parameters;
    }

    private static Dictionary<string, string?> FromJson(byte[] body, Dictionary<string, string[]> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            errors["body"] = [$"is not valid JSON: {ex.Message.Split(". ")[0]}"];
            return [];
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["must be a JSON object of parameters"];
                return [];
            }
            var parameters = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            Flatten(document.RootElement, prefix: null, parameters, errors);
            return parameters;
        }
    }

    // {"address":{"city":"Pune"}} becomes address.city; arrays have no attribute form and are refused.
    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string?> parameters, Dictionary<string, string[]> errors)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix is null ? property.Name : $"{prefix}.{property.Name}";
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(value, name, parameters, errors);
                    continue;
                case JsonValueKind.Array:
                    errors[name] = ["arrays are not accepted; send one value, or an object whose fields become name.field"];
                    continue;
            }
            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => value.GetRawText(), // numbers as written, true/false
            };
            if (!parameters.TryAdd(name, text))
            {
                errors[name] = ["is given more than once; send each parameter once"];
            }
        }
    }
}
