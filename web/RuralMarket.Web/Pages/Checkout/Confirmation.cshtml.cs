using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RuralMarket.Web.Pages.Checkout;

public sealed class ConfirmationModel : PageModel
{
    [TempData]
    public string? Placed { get; set; }

    public IReadOnlyList<PlacedOrderLink> Orders { get; private set; } = [];

    public IActionResult OnGet()
    {
        Orders = Placed is null ? [] : JsonSerializer.Deserialize<List<PlacedOrderLink>>(Placed) ?? [];
        return Orders.Count == 0 ? RedirectToPage("/Cart/Index") : Page();
    }
}
