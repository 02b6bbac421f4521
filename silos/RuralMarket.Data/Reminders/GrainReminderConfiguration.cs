using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RuralMarket.Data.Reminders;

internal sealed class GrainReminderConfiguration : IEntityTypeConfiguration<GrainReminderRow>
{
    public void Configure(EntityTypeBuilder<GrainReminderRow> builder)
    {
        builder.ToTable("grain_reminders");
        builder.HasKey(r => new { r.ServiceId, r.GrainId, r.ReminderName });
        builder.HasIndex(r => new { r.ServiceId, r.GrainHash });
        builder.Property(r => r.ServiceId).HasMaxLength(150);
        builder.Property(r => r.GrainId).HasMaxLength(300);
        builder.Property(r => r.ReminderName).HasMaxLength(150);
        builder.Property(r => r.Etag).HasMaxLength(50);
    }
}
