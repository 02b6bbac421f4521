using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RuralMarket.Data;

internal static class OwnedCollectionMapping
{
    /// <summary>
    /// Maps a collection of value objects to its own table, keyed by a surrogate identity column and
    /// pointing at its owner: the value objects themselves have no identity.
    /// </summary>
    public static OwnedNavigationBuilder<TOwner, TValue> InOwnTable<TOwner, TValue>(
        this OwnedNavigationBuilder<TOwner, TValue> values, string table, string ownerKey)
        where TOwner : class
        where TValue : class
    {
        values.ToTable(table);
        values.WithOwner().HasForeignKey(ownerKey);
        values.Property<long>("Id");
        values.HasKey("Id");
        return values;
    }
}
