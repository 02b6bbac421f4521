using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Logistics;

namespace RuralMarket.Web.Partner;

/// <summary>
/// Partner API keys and webhook secrets: random, shown once when made, kept only as SHA-256 (they are long random
/// strings, so a fast hash is enough), and revocable by an admin.
/// </summary>
public sealed class PartnerApiKeys(RuralMarketDbContext db, TimeProvider clock)
{
    public const string KeyPrefix = "rmk_";

    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A new key for the partner; the answer is the only time anyone sees it.</summary>
    public async Task<string> IssueAsync(Guid partnerId, string label, CancellationToken cancellationToken)
    {
        var key = KeyPrefix + RandomNumberGenerator.GetString(Alphabet, 40);
        db.PartnerApiKeys.Add(new PartnerApiKey(Guid.NewGuid(), partnerId, key[..12], Hash(key), label, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public async Task<bool> RevokeAsync(Guid keyId, CancellationToken cancellationToken)
    {
        var key = await db.PartnerApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (key is null)
        {
            return false;
        }
        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>A new webhook secret for the partner's carrier to send; the old one stops working at once.</summary>
    public async Task<string?> NewWebhookSecretAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        var partner = await db.PostalPartners.SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (partner is null)
        {
            return null;
        }
        var secret = RandomNumberGenerator.GetString(Alphabet, 40);
        partner.SetWebhookSecretHash(Hash(secret));
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    /// <summary>The active partner a key belongs to, or null for an unknown, revoked or switched-off one.</summary>
    public Task<Guid?> PartnerOfKeyAsync(string key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        return (from k in db.PartnerApiKeys.AsNoTracking()
                join p in db.PostalPartners.AsNoTracking() on k.PartnerId equals p.Id
                where k.Hash == hash && k.RevokedAt == null && p.Active
                select (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
