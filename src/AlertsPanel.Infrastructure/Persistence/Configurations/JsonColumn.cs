using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlertsPanel.Infrastructure.Persistence.Configurations;

/// <summary>Stores a value as JSON text in one column, compared by its JSON so EF sees changes inside it.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<Dictionary<string, string>> HasJsonConversion(this PropertyBuilder<Dictionary<string, string>> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(v, Options)!, StringComparer.OrdinalIgnoreCase),
            Comparer<Dictionary<string, string>>());

    public static PropertyBuilder<List<T>> HasJsonConversion<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<List<T>>(v, Options)!,
            Comparer<List<T>>());

    private static ValueComparer<T> Comparer<T>() where T : class => new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!);
}
