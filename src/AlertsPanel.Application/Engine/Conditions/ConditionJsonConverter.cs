using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlertsPanel.Application.Engine.Conditions;

/// <summary>
/// Reads <c>{ "attribute", "operator", "value" }</c>, <c>{ "all": [...] }</c>, <c>{ "any": [...] }</c>
/// or <c>{ "not": {...} }</c>. Shape errors throw; meaning (operators, patterns) is the validator's job.
/// </summary>
public sealed class ConditionJsonConverter : JsonConverter<Condition>
{
    public override Condition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return Parse(document.RootElement);
    }

    private static Condition Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A condition is an object.");
        }
        if (element.TryGetProperty("all", out var all))
        {
            return new AllOf(List(all));
        }
        if (element.TryGetProperty("any", out var any))
        {
            return new AnyOf(List(any));
        }
        if (element.TryGetProperty("not", out var not))
        {
            return new NotOf(Parse(not));
        }
        return new Comparison(
            Text(element, "attribute") ?? string.Empty,
            Text(element, "operator") ?? string.Empty,
            Text(element, "value"));
    }

    private static List<Condition> List(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray().Select(Parse).ToList()
            : throw new JsonException("'all' and 'any' take an array of conditions.");

    // Numbers and booleans are accepted as their text, so { "value": 5 } and { "value": "5" } mean the same.
    private static string? Text(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new JsonException($"'{name}' must be a string, number or boolean."),
        };

    public override void Write(Utf8JsonWriter writer, Condition value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case Comparison c:
                writer.WriteStartObject();
                writer.WriteString("attribute", c.Attribute);
                writer.WriteString("operator", c.Operator);
                if (c.Value is not null)
                {
                    writer.WriteString("value", c.Value);
                }
                writer.WriteEndObject();
                break;
            case AllOf a:
                WriteList(writer, "all", a.Conditions, options);
                break;
            case AnyOf a:
                WriteList(writer, "any", a.Conditions, options);
                break;
            case NotOf n:
                writer.WriteStartObject();
                writer.WritePropertyName("not");
                Write(writer, n.Condition, options);
                writer.WriteEndObject();
                break;
        }
    }

    private void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<Condition> conditions, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(name);
        foreach (var condition in conditions)
        {
            Write(writer, condition, options);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
