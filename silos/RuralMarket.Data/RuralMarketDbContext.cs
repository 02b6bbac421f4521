using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RuralMarket.Data.Accounts;
using RuralMarket.Data.Catalog;
using RuralMarket.Data.Logistics;
using RuralMarket.Data.Outbox;
using RuralMarket.Data.Payments;
using RuralMarket.Data.Reminders;
using RuralMarket.Data.Sqlite;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Data;

/// <summary>
/// The platform's unit of work. Saving an aggregate bumps its version (a stale version is refused)
/// and writes its pending domain events to the outbox in the same transaction. Accounts (ASP.NET Core Identity),
/// who may act for which cooperative, and the activity log live here too, so a change and its record commit together.
/// </summary>
public sealed class RuralMarketDbContext(DbContextOptions<RuralMarketDbContext> options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options)
{
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    public DbSet<Cooperative> Cooperatives => Set<Cooperative>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Domain.Traceability.ProductBatch> ProductBatches => Set<Domain.Traceability.ProductBatch>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Checkout> Checkouts => Set<Checkout>();

    public DbSet<Shipment> Shipments => Set<Shipment>();

    public DbSet<PostalPartner> PostalPartners => Set<PostalPartner>();

    public DbSet<Remittance> Remittances => Set<Remittance>();

    public DbSet<PartnerAccess> PartnerAccess => Set<PartnerAccess>();

    public DbSet<PartnerApiKey> PartnerApiKeys => Set<PartnerApiKey>();

    public DbSet<CarrierWebhookCall> CarrierWebhooks => Set<CarrierWebhookCall>();

    public DbSet<BankTransfer> BankTransfers => Set<BankTransfer>();

    public DbSet<CardEvent> CardEvents => Set<CardEvent>();

    public DbSet<LedgerLine> LedgerLines => Set<LedgerLine>();

    public DbSet<PayoutRun> PayoutRuns => Set<PayoutRun>();

    public DbSet<HouseholdHandover> HouseholdHandovers => Set<HouseholdHandover>();

    public DbSet<Notices.Notice> Notices => Set<Notices.Notice>();

    public DbSet<Notices.NoticeOptOut> NoticeOptOuts => Set<Notices.NoticeOptOut>();

    public DbSet<GrainReminderRow> GrainReminders => Set<GrainReminderRow>();

    public DbSet<Province> Provinces => Set<Province>();

    public DbSet<Commune> Communes => Set<Commune>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<CooperativeAccess> CooperativeAccess => Set<CooperativeAccess>();

    public DbSet<CooperativeInvitation> CooperativeInvitations => Set<CooperativeInvitation>();

    public DbSet<ActivityEntry> ActivityLog => Set<ActivityEntry>();

    public DbSet<StockAdjustment> StockAdjustments => Set<StockAdjustment>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var aggregates = ChangeTracker.Entries<AggregateRoot>()
            .Where(e => e.State != EntityState.Unchanged || e.Entity.PendingEvents.Count > 0)
            .ToList();
        foreach (var entry in aggregates)
        {
            var version = entry.Property(a => a.Version);
            version.CurrentValue = entry.State == EntityState.Added ? 1 : version.OriginalValue + 1;
            version.IsModified = entry.State != EntityState.Added;
            foreach (var domainEvent in entry.Entity.PendingEvents)
            {
                var payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), EventJson);
                OutboxMessages.Add(new OutboxMessage(Guid.NewGuid(), DomainEventNames.Of(domainEvent), payload, domainEvent.OccurredAt));
            }
        }
        // Entries() above has just detected the changes; what came after sets states itself. Detecting them a second
        // time in the base save is the costliest part of a grain's write on a big aggregate, and on SQLite it would
        // happen while this writer holds the turn.
        var detects = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // Inside a transaction the write lock is already this context's (SQLite's BEGIN takes it).
            using var turn = Database.CurrentTransaction is null ? await TakeWriterTurnAsync(cancellationToken) : null;
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            aggregates.ForEach(e => e.Entity.ClearPendingEvents());
            return written;
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            var stale = conflict.Entries.Select(e => e.Entity).OfType<AggregateRoot>().FirstOrDefault()
                ?? aggregates.Select(e => e.Entity).First();
            throw new ConcurrencyConflictException(stale.GetType().Name, stale.Id);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detects;
        }
    }

    /// <summary>
    /// On SQLite, waits for this writer's turn (see <see cref="SqliteWriterTurns"/>); take it around a write that does
    /// not go through <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
    /// </summary>
    public async ValueTask<IDisposable?> TakeWriterTurnAsync(CancellationToken cancellationToken) =>
        IsSqlite ? await SqliteWriterTurns.TakeAsync(Database.GetConnectionString()!, cancellationToken) : null;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it versions aggregates and writes the outbox.");

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
        configurationBuilder.Properties<ProductCategory>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<SalesUnit>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ProductStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<IssuingLevel>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<VerificationStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ProvinceKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<OrderStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<PaymentMethod>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CancellationReason>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CheckoutStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ShipmentStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<DeliveryFailureReason>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReportSource>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReportOutcome>().HaveConversion<string>().HaveMaxLength(20);
        if (IsSqlite)
        {
            // SQLite has no date type EF can compare in SQL: store UTC ticks, which sort and compare as integers.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ConfigureAccounts();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RuralMarketDbContext).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.GetColumnName(table)!));
            }
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(SnakeCase(index.GetDatabaseName() ?? string.Empty));
            }
            foreach (var key in entity.GetKeys())
            {
                key.SetName(SnakeCase(key.GetName() ?? string.Empty));
            }
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(SnakeCase(foreignKey.GetConstraintName() ?? string.Empty));
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    builder.Append('_');
                }
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private sealed class MoneyConverter() : ValueConverter<Money, long>(m => m.Dong, d => Money.FromDong(d));

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
