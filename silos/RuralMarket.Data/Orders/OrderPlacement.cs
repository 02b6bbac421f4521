using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralMarket.Data.Catalog;
using RuralMarket.Data.Geography;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Data.Orders;

/// <summary>A product and how many of it the buyer wants. Prices never come from the buyer.</summary>
public sealed record CheckoutLine(Guid ProductId, int Quantity);

public sealed record CheckoutRequest(OrderRecipient Recipient, PaymentMethod PaymentMethod, IReadOnlyList<CheckoutLine> Lines);

public sealed record PlacedOrder(Guid OrderId, string Code, string TrackingToken, Guid CooperativeId, Money Total);

/// <summary>
/// Turns a checkout into one order per cooperative: prices and names from the database, stock reserved line by line,
/// all orders and their outbox events saved in one transaction. Nothing is kept when any line cannot be had.
/// </summary>
public sealed class OrderPlacement(RuralMarketDbContext db, StockLedger stock, ShippingFeeTable shipping, AdministrativeUnits units, TimeProvider clock,
    IOptions<OrderOptions> options)
{
    public async Task<IReadOnlyList<PlacedOrder>> PlaceAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        var wanted = Merge(request.Lines);
        await units.RequireKnownAsync(request.Recipient.Address, cancellationToken);
        var ids = wanted.Keys.ToList();
        var products = await db.Products.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && p.Status == ProductStatus.Published
                && db.Cooperatives.Any(c => c.Id == p.CooperativeId && c.Verification == VerificationStatus.Verified))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var missing = ids.FirstOrDefault(id => !products.ContainsKey(id));
        if (missing != Guid.Empty)
        {
            throw new DomainException("checkout.product_unavailable", $"Product {missing} is not for sale.");
        }

        var now = clock.GetUtcNow();
        var checkoutId = Guid.NewGuid();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var placed = new List<PlacedOrder>();
        foreach (var group in products.Values.GroupBy(p => p.CooperativeId))
        {
            var lines = new List<OrderLine>();
            foreach (var product in group)
            {
                var quantity = wanted[product.Id];
                if (!await stock.TryReserveAsync(product.Id, quantity, cancellationToken))
                {
                    throw new OutOfStockException(product.Id, product.Name);
                }
                lines.Add(new OrderLine(product.Id, product.Name, product.Price, quantity, product.NetWeightGrams));
            }
            var fee = shipping.FeeFor(lines.Sum(l => l.WeightGrams));
            var identity = new OrderIdentity(Guid.NewGuid(), OrderCodes.NewCode(), OrderCodes.NewTrackingToken(), checkoutId);
            // Each order gets its own copy of the recipient: EF Core cannot store one owned instance under two owners.
            var recipient = request.Recipient with { Contact = request.Recipient.Contact with { }, Address = request.Recipient.Address with { } };
            var order = Order.Place(identity, group.Key, recipient, request.PaymentMethod, lines, fee, now, options.Value.PaymentWindow);
            db.Orders.Add(order);
            placed.Add(new PlacedOrder(order.Id, order.Code, order.TrackingToken, order.CooperativeId, order.Total));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return placed;
    }

    private static Dictionary<Guid, int> Merge(IReadOnlyList<CheckoutLine> lines)
    {
        if (lines.Count == 0)
        {
            throw new DomainException("checkout.empty", "The cart is empty.");
        }
        var merged = new Dictionary<Guid, int>();
        foreach (var line in lines)
        {
            if (line.Quantity is < 1 or > OrderLine.MaxQuantity)
            {
                throw new DomainException("order.quantity_out_of_range", $"Quantity must be 1 to {OrderLine.MaxQuantity}, not {line.Quantity}.");
            }
            merged[line.ProductId] = merged.GetValueOrDefault(line.ProductId) + line.Quantity;
            if (merged[line.ProductId] > OrderLine.MaxQuantity)
            {
                throw new DomainException("order.quantity_out_of_range", $"Quantity must be at most {OrderLine.MaxQuantity}.");
            }
        }
        return merged;
    }
}

public sealed class OutOfStockException(Guid productId, string productName)
    : DomainException("checkout.out_of_stock", $"Not enough stock of {productName}.")
{
    public Guid ProductId { get; } = productId;

    public string ProductName { get; } = productName;
}
