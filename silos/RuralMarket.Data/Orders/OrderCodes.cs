using System.Security.Cryptography;

namespace RuralMarket.Data.Orders;

/// <summary>Order codes buyers can read out on the phone (no I, L, O, U) and unguessable tracking tokens.</summary>
public static class OrderCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string NewCode() => "RM" + RandomNumberGenerator.GetString(Alphabet, 8);

    /// <summary>
    /// Every place a text could hold an order code, upper-cased: banks add words around a transfer memo, drop its
    /// punctuation and may run words together, so each "RM" followed by eight code letters is a candidate, overlapping
    /// ones too, for the caller to look up.
    /// </summary>
    public static IReadOnlyList<string> CandidatesIn(string text)
    {
        var upper = text.ToUpperInvariant();
        var candidates = new List<string>();
        for (var at = upper.IndexOf("RM", StringComparison.Ordinal); at >= 0 && at + 10 <= upper.Length; at = upper.IndexOf("RM", at + 1, StringComparison.Ordinal))
        {
            var code = upper.Substring(at, 10);
            if (code.Skip(2).All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
            {
                candidates.Add(code);
            }
        }
        return candidates.Distinct().ToList();
    }

    public static string NewTrackingToken() => Base64Url(RandomNumberGenerator.GetBytes(24));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
