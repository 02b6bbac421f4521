using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Geography;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Orders;
using RuralMarket.Payments.Cards;
using RuralMarket.Payments.VietQr;
using RuralMarket.Web.Cart;
using RuralMarket.Web.Geography;
using RuralMarket.Web.Hosting;
using RuralMarket.Web.Payments;

namespace RuralMarket.Web.Pages.Checkout;

/// <summary>What the buyer types at checkout; each part is checked by the domain types, errors land beside their field.</summary>
public sealed class CheckoutForm
{
    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? ProvinceCode { get; set; }

    public string? Commune { get; set; }

    public string? Street { get; set; }

    public string? Note { get; set; }

    /// <summary><c>cod</c> (the default), <c>transfer</c> (VietQR) or <c>card</c> (Stripe), each of the last two when switched on.</summary>
    public string? Payment { get; set; }

    /// <summary>Chosen when the form is first shown; a second submit of the same form answers the first result.</summary>
    public Guid CheckoutId { get; set; }

    /// <summary>
    /// Cooperative id → the shipping fee the page showed the buyer. Only ever compared with the fee the server works
    /// out again: when they differ the buyer is shown the new fee to confirm, and the server's fee is the one charged.
    /// </summary>
    public Dictionary<Guid, long> ShippingSeen { get; set; } = [];
}

public sealed class IndexModel(
    GuestCart cart, CartPricing pricing, IGrainFactory grains, AdministrativeUnits units, RuralMarketDbContext db, CheckoutQuota quota,
    VietQrRequests vietQr, CardPaymentStart cards) : PageModel
{
    /// <summary>Longest value accepted from any field before the domain looks at it (names are far shorter).</summary>
    private const int MaxFieldLength = 1_000;

    [BindProperty]
    public CheckoutForm Form { get; set; } = new();

    public CartSummary Summary { get; private set; } = new([], []);

    public IReadOnlyList<Province> Provinces { get; private set; } = [];

    /// <summary>The communes of the province in the form, to choose from.</summary>
    public IReadOnlyList<Commune> Communes { get; private set; } = [];

    public AddressFields AddressFields => new("Form", Form.ProvinceCode, Form.Commune, Form.Street, Provinces, Communes,
        ErrorKey(nameof(CheckoutForm.ProvinceCode)), ErrorKey(nameof(CheckoutForm.Commune)), ErrorKey(nameof(CheckoutForm.Street)));

    /// <summary>Field name → resource key of its error.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    [TempData]
    public string? Placed { get; set; }

    /// <summary>Set when this client has placed as many checkouts as a window allows: minutes to wait.</summary>
    public int? WaitMinutes { get; private set; }

    /// <summary>Set when the shipping fees changed from those the buyer saw (priced for the address now): nothing was placed.</summary>
    public bool ShippingChanged { get; private set; }

    /// <summary>The fees shown are the weight table's until a carrier has quoted them for the buyer's address.</summary>
    public bool ShippingEstimated => pricing.QuotesByCarrier && Summary.Groups.All(g => g.QuotedBy is null);

    /// <summary>Whether the buyer may pay by VietQR transfer.</summary>
    public bool OffersTransfer => vietQr.IsOn;

    public bool PaysByTransfer => Form.Payment == "transfer";

    /// <summary>Whether the buyer may pay by card (Stripe).</summary>
    public bool OffersCard => cards.IsOn;

    public bool PaysByCard => Form.Payment == "card";

    public string? ValueOf(string field) => field switch
    {
        nameof(CheckoutForm.Name) => Form.Name,
        nameof(CheckoutForm.Phone) => Form.Phone,
        nameof(CheckoutForm.Email) => Form.Email,
        _ => null,
    };

    private string? ErrorKey(string field) => Errors.GetValueOrDefault(field);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return RedirectToPage("/Cart/Index");
        }
        Form.CheckoutId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) && !await SentBeforeAsync(cancellationToken))
        {
            return RedirectToPage("/Cart/Index");
        }
        if (AddressFields.RefreshRequested(Request))
        {
            return Page();
        }
        if (Form.CheckoutId == Guid.Empty)
        {
            Form.CheckoutId = Guid.NewGuid();
        }
        var recipient = Recipient();
        if (recipient is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (Summary.Groups.Count > 0 && !await ShippingAsSeenAsync(recipient, cancellationToken))
        {
            ShippingChanged = true;
            return Page();
        }
        if (PaysByCard && Summary.Total > CardCheckouts.MaxCharge)
        {
            Errors[nameof(CheckoutForm.Payment)] = "checkout.error.card_too_large";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!quota.TryTake(HttpContext))
        {
            WaitMinutes = Math.Max(1, (int)Math.Ceiling(quota.Window.TotalMinutes));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        try
        {
            var lines = Summary.Groups.SelectMany(g => g.Items).Select(i => new CheckoutLine(i.Line.ProductId, i.Line.Quantity)).ToList();
            var fees = Summary.Groups.ToDictionary(g => g.CooperativeId, g => g.ShippingFee);
            var method = PaysByTransfer ? PaymentMethod.BankTransfer : PaysByCard ? PaymentMethod.Card : PaymentMethod.CashOnDelivery;
            var orders = await grains.GetGrain<ICheckoutGrain>(Form.CheckoutId).PlaceAsync(new CheckoutRequest(recipient, method, lines, fees));
            cart.Write(HttpContext, []);
            Placed = JsonSerializer.Serialize(orders.Select(o => new PlacedOrderLink(o.Code, o.TrackingToken, o.Total.Dong, method == PaymentMethod.BankTransfer)));
            return method == PaymentMethod.Card ? await ToCardPaymentAsync(cancellationToken) : RedirectToPage("/Checkout/Confirmation");
        }
        catch (DomainException error) when (error.Code is "checkout.out_of_stock" or "checkout.product_unavailable" or "address.province_unknown" or "address.commune_unknown")
        {
            if (error.Code.StartsWith("address.", StringComparison.Ordinal))
            {
                var field = error.Code == "address.province_unknown" ? nameof(CheckoutForm.ProvinceCode) : nameof(CheckoutForm.Commune);
                Errors[field] = error.Code == "address.province_unknown" ? "checkout.error.province" : "checkout.error.commune";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
            TempData["Notice"] = "cart.notice.changed_at_checkout";
            return RedirectToPage("/Cart/Index");
        }
    }

    /// <summary>
    /// Sends the buyer to Stripe. When Stripe cannot be reached, the orders are placed and held all the same: the
    /// confirmation says so, and each tracking page offers the card payment again.
    /// </summary>
    private async Task<IActionResult> ToCardPaymentAsync(CancellationToken cancellationToken)
    {
        if (await cards.UrlAsync(Form.CheckoutId, Request, cancellationToken) is { } stripePage)
        {
            return Redirect(stripePage);
        }
        TempData["Notice"] = "card.unreachable";
        return RedirectToPage("/Checkout/Confirmation");
    }

    /// <summary>
    /// Prices the parcels for the buyer's address (the carrier's quote, or the weight table) and tells whether each fee is
    /// the one the page showed. A form without the fees it was shown is taken to have shown the weight table's.
    /// </summary>
    private async Task<bool> ShippingAsSeenAsync(OrderRecipient recipient, CancellationToken cancellationToken)
    {
        var shown = Form.ShippingSeen.Count > 0 ? Form.ShippingSeen : Summary.Groups.ToDictionary(g => g.CooperativeId, g => g.ShippingFee.Dong);
        if (pricing.QuotesByCarrier)
        {
            Summary = await pricing.PriceAsync(cart.Read(HttpContext), cancellationToken, recipient);
        }
        return Summary.Groups.All(g => shown.TryGetValue(g.CooperativeId, out var seen) && seen == g.ShippingFee.Dong);
    }

    /// <summary>
    /// The same form sent again after its answer was lost (a dropped connection, an error page): the checkout grain
    /// answers what it did the first time, whatever the cart holds now.
    /// </summary>
    private async Task<bool> SentBeforeAsync(CancellationToken cancellationToken) =>
        Form.CheckoutId != Guid.Empty && await db.Checkouts.AsNoTracking().AnyAsync(c => c.Id == Form.CheckoutId, cancellationToken);

    /// <summary>Loads the cart and the provinces; false when there is nothing (sound) to check out.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Summary = await pricing.PriceAsync(cart.Read(HttpContext), cancellationToken);
        Provinces = await units.ProvincesAsync(cancellationToken);
        Communes = Provinces.Any(p => p.Code == Form.ProvinceCode) ? await units.CommunesAsync(Form.ProvinceCode, cancellationToken) : [];
        return Summary.Groups.Count > 0 && !Summary.HasProblems;
    }

    /// <summary>The recipient the form describes, or null with a message beside every field that is wrong, all in one pass.</summary>
    private OrderRecipient? Recipient()
    {
        foreach (var (field, value) in new[]
        {
            (nameof(CheckoutForm.Name), Form.Name), (nameof(CheckoutForm.Phone), Form.Phone), (nameof(CheckoutForm.Email), Form.Email),
            (nameof(CheckoutForm.Commune), Form.Commune), (nameof(CheckoutForm.Street), Form.Street), (nameof(CheckoutForm.Note), Form.Note),
        })
        {
            if (value?.Length > MaxFieldLength)
            {
                Errors[field] = "checkout.error.too_long";
            }
        }
        if (Form.Payment is not (null or "cod") && !(Form.Payment == "transfer" && vietQr.IsOn) && !(Form.Payment == "card" && cards.IsOn))
        {
            Errors[nameof(CheckoutForm.Payment)] = "checkout.error.payment";
        }
        var provinceKnown = Provinces.Any(p => p.Code == Form.ProvinceCode);
        if (!provinceKnown)
        {
            Errors[nameof(CheckoutForm.ProvinceCode)] = "checkout.error.province";
        }
        string? note = null;
        var problems = BuyerContact.Problems(Form.Name ?? string.Empty, Form.Phone ?? string.Empty, Form.Email)
            .Concat(Address.Problems(Form.ProvinceCode ?? string.Empty, Form.Commune ?? string.Empty, Form.Street ?? string.Empty))
            .Concat(DomainRules.Broken(() => note = DomainText.Optional(Form.Note, "order.delivery_note", 500)));
        foreach (var problem in problems)
        {
            Record(problem);
        }
        if (provinceKnown && !Errors.ContainsKey(nameof(CheckoutForm.Commune))
            && Address.CommuneOf(Form.Commune ?? string.Empty) is var commune && Communes.All(c => c.Name != commune))
        {
            Errors[nameof(CheckoutForm.Commune)] = "checkout.error.commune";
        }
        if (Errors.Count > 0)
        {
            return null;
        }
        var contact = new BuyerContact(Form.Name!, Form.Phone!, Form.Email);
        var address = new Address(Form.ProvinceCode!, Form.Commune!, Form.Street!);
        return new OrderRecipient(contact, address, note);
    }

    /// <summary>A broken rule becomes a message beside the field it is about (the first one per field).</summary>
    private void Record(DomainException error)
    {
        var field = error.Code switch
        {
            var c when c.StartsWith("buyer.name", StringComparison.Ordinal) => nameof(CheckoutForm.Name),
            var c when c.StartsWith("buyer.phone", StringComparison.Ordinal) => nameof(CheckoutForm.Phone),
            var c when c.StartsWith("buyer.email", StringComparison.Ordinal) => nameof(CheckoutForm.Email),
            var c when c.StartsWith("address.commune", StringComparison.Ordinal) => nameof(CheckoutForm.Commune),
            var c when c.StartsWith("address.street", StringComparison.Ordinal) => nameof(CheckoutForm.Street),
            var c when c.StartsWith("order.delivery_note", StringComparison.Ordinal) => nameof(CheckoutForm.Note),
            _ => nameof(CheckoutForm.ProvinceCode),
        };
        Errors.TryAdd(field, error.Code switch
        {
            "buyer.phone.invalid" => "checkout.error.phone",
            "buyer.email.invalid" => "checkout.error.email",
            var c when c.EndsWith(".required", StringComparison.Ordinal) => "checkout.error.required",
            var c when c.EndsWith(".too_long", StringComparison.Ordinal) => "checkout.error.too_long",
            _ => "checkout.error.invalid_text",
        });
    }
}

/// <summary>What the confirmation page needs of each order placed.</summary>
public sealed record PlacedOrderLink(string Code, string TrackingToken, long TotalDong, bool ByTransfer = false);
