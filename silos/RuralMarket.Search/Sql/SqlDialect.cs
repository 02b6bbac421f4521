namespace RuralMarket.Search.Sql;

/// <summary>What differs between the SQL adapters' search statements; everything else is shared in <see cref="SqlProductSearch"/>.</summary>
internal sealed record SqlDialect(
    string MatchJoin,
    string MatchCondition,
    string Score,
    string NameSort);
