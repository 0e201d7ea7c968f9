using System.Security.Cryptography;
using System.Text;

namespace AlertsPanel.Domain.Common;

/// <summary>
/// A credential shown once: <c>{kind}_{lookup}_{secret}</c>. Only its <see cref="Prefix"/>
/// (<c>{kind}_{lookup}</c>, used to find the stored row) and its SHA-256 hash are kept.
/// </summary>
public sealed record Secret(string Value, string Prefix, byte[] Hash)
{
    private const int LookupLength = 10;
    private const int SecretLength = 32;

    /// <summary>Issues a new secret of the given kind (for example <c>apk</c> or <c>adm</c>).</summary>
    public static Secret Issue(string kind)
    {
        var prefix = $"{kind}_{RandomKeys.New(LookupLength)}";
        var value = $"{prefix}_{RandomKeys.New(SecretLength)}";
        return new Secret(value, prefix, HashOf(value));
    }

    /// <summary>The lookup prefix of a presented credential, when it has the shape of one of this kind.</summary>
    public static bool TryGetPrefix(string presented, string kind, out string prefix)
    {
        prefix = string.Empty;
        var expectedLength = kind.Length + 1 + LookupLength + 1 + SecretLength;
        if (presented.Length != expectedLength || !presented.StartsWith(kind + "_", StringComparison.Ordinal)
            || presented[kind.Length + 1 + LookupLength] != '_')
        {
            return false;
        }
        prefix = presented[..(kind.Length + 1 + LookupLength)];
        return true;
    }

    public static byte[] HashOf(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    /// <summary>Compares in constant time, so response timing reveals nothing about the stored hash.</summary>
    public static bool Matches(string presented, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(HashOf(presented), storedHash);
}
