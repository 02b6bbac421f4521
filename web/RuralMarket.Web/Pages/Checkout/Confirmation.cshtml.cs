using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuralMarket.Domain.Shared;
using RuralMarket.Payments.VietQr;
using RuralMarket.Web.Payments;

namespace RuralMarket.Web.Pages.Checkout;

public sealed class ConfirmationModel(VietQrRequests vietQr) : PageModel
{
    [TempData]
    public string? Placed { get; set; }

    public IReadOnlyList<PlacedOrderLink> Orders { get; private set; } = [];

    /// <summary>The transfer each order paid by VietQR asks for, by order code.</summary>
    public Dictionary<string, TransferView> Transfers { get; } = [];

    public IActionResult OnGet()
    {
        Orders = Placed is null ? [] : JsonSerializer.Deserialize<List<PlacedOrderLink>>(Placed) ?? [];
        foreach (var order in Orders.Where(o => o.ByTransfer && vietQr.IsOn))
        {
            Transfers[order.Code] = new TransferView(order.TrackingToken, vietQr.For(order.Code, Money.FromDong(order.TotalDong)), null);
        }
        return Orders.Count == 0 ? RedirectToPage("/Cart/Index") : Page();
    }
}
