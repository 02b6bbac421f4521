using System.Globalization;
using RuralMarket.Domain.Shared;
using CooperativeAggregate = RuralMarket.Domain.Cooperatives.Cooperative;

namespace RuralMarket.Web.ProductCsv;

/// <summary>
/// The "Hộ sản xuất" cell: households by their head's name with their share, "Hoàng Văn Thụ: 60; Lý Thị Mai: 40".
/// Names are matched without case or diacritics, among the cooperative's households (two with the same name cannot
/// be told apart, and are refused rather than guessed).
/// </summary>
public static class ProducerCell
{
    public static string Write(IEnumerable<(string HeadName, int Percent)> producers) =>
        string.Join("; ", producers.Select(p => $"{p.HeadName}: {p.Percent.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>Household id → share as typed, for the product form's own checks; a problem when a part cannot be read.</summary>
    public static Dictionary<Guid, string?> Read(string cell, CooperativeAggregate cooperative, out (string Key, string? Detail)? problem)
    {
        problem = null;
        var shares = new Dictionary<Guid, string?>();
        foreach (var part in cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.LastIndexOf(':');
            if (colon <= 0)
            {
                problem = ("csv.error.producer_format", part);
                return shares;
            }
            var name = VietnameseText.Fold(part[..colon].Trim());
            var matches = cooperative.Households.Where(h => VietnameseText.Fold(h.HeadName) == name).ToList();
            if (matches.Count != 1)
            {
                problem = (matches.Count == 0 ? "csv.error.producer_unknown" : "csv.error.producer_ambiguous", part[..colon].Trim());
                return shares;
            }
            if (shares.ContainsKey(matches[0].Id))
            {
                problem = ("csv.error.producer_repeated", part[..colon].Trim());
                return shares;
            }
            shares[matches[0].Id] = part[(colon + 1)..].Trim().TrimEnd('%').Trim();
        }
        return shares;
    }
}
