using RuralMarket.Domain.Traceability;

namespace RuralMarket.Web.Traceability;

/// <summary>A diary entry as the portal lists it, with its product and lot.</summary>
public sealed record DiaryRow(Guid BatchId, string ProductName, string Lot, string Code, DiaryEntry Entry);
