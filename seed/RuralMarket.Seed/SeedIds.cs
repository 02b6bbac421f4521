using System.Security.Cryptography;
using System.Text;

namespace RuralMarket.Seed;

/// <summary>The same id for the same seed record on every machine, so links to seeded things stay stable.</summary>
internal static class SeedIds
{
    public static Guid For(string kind, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"ruralmarket-seed/{kind}/{key}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: custom
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
