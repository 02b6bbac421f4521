using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace RuralMarket.Web.Cart;

/// <summary>One line of a guest's cart: which product, how many, and the price the buyer saw when adding it.</summary>
public sealed record CartLine(Guid ProductId, int Quantity, long PriceSeenDong);

/// <summary>
/// A guest's cart, kept in a cookie protected by ASP.NET Core Data Protection (tampering makes it unreadable, so it
/// is treated as empty). Prices in it are only used to notice changes: totals always come from the database.
/// </summary>
public sealed class GuestCart(IDataProtectionProvider protection)
{
    public const string CookieName = "rm_cart";
    public const int MaxLines = 30;

    private readonly IDataProtector _protector = protection.CreateProtector("RuralMarket.Cart.v1");

    public IReadOnlyList<CartLine> Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return [];
        }
        try
        {
            var lines = JsonSerializer.Deserialize<List<CartLine>>(_protector.Unprotect(value)) ?? [];
            return lines.Where(l => l.Quantity is > 0 and <= Domain.Orders.OrderLine.MaxQuantity).Take(MaxLines).ToList();
        }
        catch (Exception error) when (error is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return [];
        }
    }

    public void Write(HttpContext context, IReadOnlyList<CartLine> lines)
    {
        if (lines.Count == 0)
        {
            context.Response.Cookies.Delete(CookieName);
            return;
        }
        context.Response.Cookies.Append(CookieName, _protector.Protect(JsonSerializer.Serialize(lines)), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(30),
        });
    }
}
