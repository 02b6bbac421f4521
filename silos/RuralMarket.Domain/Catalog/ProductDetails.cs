using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Catalog;

/// <summary>A product's editable parts as the product form describes them, checked as a whole before anything changes.</summary>
public sealed record ProductDetails(ProductListing Listing, Money Price, IReadOnlyList<ProducerShare> Producers, OcopCertificate? Certificate);
