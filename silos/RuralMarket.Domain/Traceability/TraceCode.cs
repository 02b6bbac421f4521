using System.Security.Cryptography;

namespace RuralMarket.Domain.Traceability;

/// <summary>
/// A batch's public code, printed as a QR on labels and stickers: eight characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L, U), drawn at random, so nobody can walk from one batch to the next (31⁸ ≈ 8.5 × 10¹¹ codes).
/// </summary>
public static class TraceCode
{
    public const int Length = 8;

    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>What a person typed or a scanner read, as the stored code: upper case, without spaces; null when it cannot be one.</summary>
    public static string? Read(string? typed)
    {
        if (typed is null)
        {
            return null;
        }
        var code = typed.Trim().ToUpperInvariant();
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}
