using Microsoft.EntityFrameworkCore;

namespace RuralMarket.Data.Notices;

/// <summary>Asking for no more messages, and taking that back, for a buyer's phone and e-mail at once.</summary>
public static class NoticeOptOuts
{
    public static async Task<bool> AnyAsync(RuralMarketDbContext db, IReadOnlyCollection<string> recipients, CancellationToken cancellationToken) =>
        await db.NoticeOptOuts.AnyAsync(o => recipients.Contains(o.Recipient), cancellationToken);

    public static async Task StopAsync(RuralMarketDbContext db, IReadOnlyCollection<string> recipients, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var already = await db.NoticeOptOuts.Where(o => recipients.Contains(o.Recipient)).Select(o => o.Recipient).ToListAsync(cancellationToken);
        db.NoticeOptOuts.AddRange(recipients.Except(already).Select(r => new NoticeOptOut(r, now)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Asked twice at once: the other request stored it. Anything else is a real failure.
            if (!await AllStoppedAsync(db, recipients, cancellationToken))
            {
                throw;
            }
        }
    }

    public static Task ResumeAsync(RuralMarketDbContext db, IReadOnlyCollection<string> recipients, CancellationToken cancellationToken) =>
        db.NoticeOptOuts.Where(o => recipients.Contains(o.Recipient)).ExecuteDeleteAsync(cancellationToken);

    private static async Task<bool> AllStoppedAsync(RuralMarketDbContext db, IReadOnlyCollection<string> recipients, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.NoticeOptOuts.CountAsync(o => recipients.Contains(o.Recipient), cancellationToken) == recipients.Count;
    }
}
