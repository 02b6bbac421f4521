using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RuralMarket.Data.Notices;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.ToTable("notices");
        builder.HasKey(n => n.Id);
        builder.HasIndex(n => new { n.Key, n.Channel, n.Recipient }).IsUnique();
        builder.HasIndex(n => new { n.State, n.NotBefore });
        builder.HasIndex(n => n.CreatedAt);
        builder.Property(n => n.Key).HasMaxLength(150);
        builder.Property(n => n.Kind).HasMaxLength(40);
        builder.Property(n => n.Channel).HasMaxLength(10);
        builder.Property(n => n.Recipient).HasMaxLength(200);
        builder.Property(n => n.Text).HasMaxLength(1000);
        builder.Property(n => n.Fields).HasMaxLength(2000);
        builder.Property(n => n.State).HasMaxLength(12);
        builder.Property(n => n.LastError).HasMaxLength(300);
        builder.Property(n => n.ProviderId).HasMaxLength(100);
    }
}

internal sealed class NoticeOptOutConfiguration : IEntityTypeConfiguration<NoticeOptOut>
{
    public void Configure(EntityTypeBuilder<NoticeOptOut> builder)
    {
        builder.ToTable("notice_opt_outs");
        builder.HasKey(o => o.Recipient);
        builder.Property(o => o.Recipient).HasMaxLength(200);
    }
}
