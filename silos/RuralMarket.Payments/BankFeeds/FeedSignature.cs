using System.Security.Cryptography;

namespace RuralMarket.Payments.BankFeeds;

/// <summary>A signature a provider sent as hex, compared with the one we computed in constant time.</summary>
internal static class FeedSignature
{
    public static bool Matches(ReadOnlySpan<byte> expected, string? sentHex)
    {
        if (sentHex is null || sentHex.Length != expected.Length * 2)
        {
            return false;
        }
        byte[] sent;
        try
        {
            sent = Convert.FromHexString(sentHex);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(expected, sent);
    }
}
