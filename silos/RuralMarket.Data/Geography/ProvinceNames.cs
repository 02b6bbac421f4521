using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Geography;

namespace RuralMarket.Data;

public static class ProvinceNames
{
    /// <summary>The name to print for a stored address's province (its code was checked when the address was saved).</summary>
    public static Task<string> NameOfAsync(this DbSet<Province> provinces, string code, CancellationToken cancellationToken = default) =>
        provinces.Where(p => p.Code == code).Select(p => p.Name).SingleAsync(cancellationToken);
}
