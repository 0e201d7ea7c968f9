using System.Security.Cryptography;

namespace AlertsPanel.Domain.Common;

/// <summary>Unguessable identifiers: every public key (cid, botKey, flowKey) comes from here.</summary>
public static class RandomKeys
{
    // Lower-case letters and digits only: safe in URLs, paths and e-mails, and easy to read aloud.
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>A key of <paramref name="length"/> characters; 16 characters carry about 80 bits.</summary>
    public static string New(int length = 16) => RandomNumberGenerator.GetString(Alphabet, length);
}
