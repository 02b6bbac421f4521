namespace RuralMarket.Domain.Catalog;

/// <summary>The six OCOP product groups, used as the storefront's categories.</summary>
public enum ProductCategory
{
    Food,
    Beverages,
    Herbal,
    Handicrafts,
    OrnamentalPlantsAndAnimals,
    RuralTourism,
}

/// <summary>How a product is sold; shown in Vietnamese by the web layer (gói, chai, kg …).</summary>
public enum SalesUnit
{
    Package,
    Bottle,
    Jar,
    Box,
    Bag,
    Kilogram,
    Piece,
}

public enum ProductStatus
{
    Draft,
    Published,
    Archived,
}
