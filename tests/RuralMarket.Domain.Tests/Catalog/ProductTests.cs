using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Tests.Catalog;

public class ProductTests
{
    [Fact]
    public void Shares_adding_up_to_100_are_accepted()
    {
        var product = Builders.Product();
        product.AssignProducers([new ProducerShare(Guid.NewGuid(), 34), new ProducerShare(Guid.NewGuid(), 33), new ProducerShare(Guid.NewGuid(), 33)], Builders.Now);
        Assert.Equal(100, product.Producers.Sum(p => p.Percent));
    }

    [Theory]
    [InlineData(50, 49)]
    [InlineData(60, 41)]
    public void Shares_not_adding_up_to_100_are_refused_and_change_nothing(int first, int second)
    {
        var product = Builders.Product();
        var before = product.Producers.ToList();
        var error = Assert.Throws<DomainException>(() =>
            product.AssignProducers([new ProducerShare(Guid.NewGuid(), first), new ProducerShare(Guid.NewGuid(), second)], Builders.Now));
        Assert.Equal("product.shares_not_100", error.Code);
        Assert.Equal(before, product.Producers);
    }

    [Fact]
    public void The_same_household_twice_and_empty_shares_are_refused()
    {
        var product = Builders.Product();
        var household = Guid.NewGuid();
        Assert.Equal("product.producer_duplicate", Assert.Throws<DomainException>(() =>
            product.AssignProducers([new ProducerShare(household, 50), new ProducerShare(household, 50)], Builders.Now)).Code);
        Assert.Equal("product.producers_required", Assert.Throws<DomainException>(() => product.AssignProducers([], Builders.Now)).Code);
        Assert.Throws<DomainException>(() => new ProducerShare(household, 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000_001)]
    public void Prices_of_zero_or_above_a_billion_dong_are_refused(long dong) =>
        Assert.Equal("product.price_out_of_range", Assert.Throws<DomainException>(() => Builders.Product().ChangePrice(Money.FromDong(dong), Builders.Now)).Code);

    [Fact]
    public void Stock_never_goes_below_zero()
    {
        var product = Builders.Product(stock: 3);
        Assert.Equal("product.stock_negative", Assert.Throws<DomainException>(() => product.AdjustStock(-4, Builders.Now)).Code);
        Assert.Equal(3, product.Stock);
        product.AdjustStock(-3, Builders.Now);
        Assert.Equal(0, product.Stock);
    }

    [Fact]
    public void Publishing_needs_producers_and_archived_products_are_frozen()
    {
        var draft = Product.Create(Guid.NewGuid(), Guid.NewGuid(), "mat-ong", Builders.Listing("Mật ong"), Money.FromDong(250_000), Builders.Now);
        Assert.Equal("product.producers_required", Assert.Throws<DomainException>(() => draft.Publish(Builders.Now)).Code);

        var product = Builders.Product();
        product.Publish(Builders.Now);
        Assert.Equal(ProductStatus.Published, product.Status);
        product.Archive(Builders.Now);
        Assert.Equal("product.archived", Assert.Throws<DomainException>(() => product.ChangePrice(Money.FromDong(1), Builders.Now)).Code);
        Assert.Equal("product.archived", Assert.Throws<DomainException>(() => product.Publish(Builders.Now)).Code);
    }

    [Fact]
    public void At_most_eight_photos()
    {
        var product = Builders.Product();
        for (var i = 0; i < Product.MaxPhotos; i++)
        {
            product.AddPhoto(new PhotoVariants(Guid.NewGuid(), 800, 600), Builders.Now);
        }
        Assert.Equal("product.too_many_photos", Assert.Throws<DomainException>(() => product.AddPhoto(new PhotoVariants(Guid.NewGuid(), 800, 600), Builders.Now)).Code);
    }

    [Fact]
    public void Photos_can_be_reordered_the_first_is_the_cover_and_removing_one_closes_the_gap()
    {
        var product = Builders.Product();
        var photos = Enumerable.Range(0, 4).Select(_ => new PhotoVariants(Guid.NewGuid(), 800, 600)).ToList();
        photos.ForEach(photo => product.AddPhoto(photo, Builders.Now));

        product.MovePhoto(photos[2].PhotoId, 0, Builders.Now);
        Assert.Equal([photos[2], photos[0], photos[1], photos[3]], product.Photos.OrderBy(p => p.Position).Select(p => p.Variants));

        Assert.Equal(photos[0], product.RemovePhoto(photos[0].PhotoId, Builders.Now));
        Assert.Equal([0, 1, 2], product.Photos.Select(p => p.Position).Order());
        Assert.Equal([photos[2], photos[1], photos[3]], product.Photos.OrderBy(p => p.Position).Select(p => p.Variants));

        product.MovePhoto(photos[2].PhotoId, 99, Builders.Now);
        Assert.Equal(photos[2], product.Photos.Single(p => p.Position == 2).Variants);
        Assert.Equal("product.photo_not_found", Assert.Throws<DomainException>(() => product.RemovePhoto(Guid.NewGuid(), Builders.Now)).Code);
        Assert.Equal("product.photo_duplicate", Assert.Throws<DomainException>(() => product.AddPhoto(photos[1], Builders.Now)).Code);
    }

    [Theory]
    [InlineData(1600, new[] { 320, 800, 1600 }, 800)]
    [InlineData(1000, new[] { 320, 800, 1000 }, 800)]
    [InlineData(800, new[] { 320, 800 }, 800)]
    [InlineData(500, new[] { 320, 500 }, 500)]
    [InlineData(200, new[] { 200 }, 200)]
    public void A_photo_has_the_standard_widths_it_is_wide_enough_for(int width, int[] widths, int fallback)
    {
        var photo = new PhotoVariants(Guid.NewGuid(), width, 100);

        Assert.Equal(widths, photo.Widths);
        Assert.Equal(fallback, photo.FallbackWidth);
        Assert.True(PhotoVariants.TryParse(photo.ToString(), out var parsed));
        Assert.Equal(photo, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-photo")]
    [InlineData("00000000000000000000000000000000/800x600")]
    [InlineData("6f9619ff8b86d011b42d00c04fc964ff/1601x600")]
    [InlineData("6f9619ff8b86d011b42d00c04fc964ff/-1x600")]
    [InlineData("6f9619ff8b86d011b42d00c04fc964ff/800x600/x")]
    public void A_malformed_cover_reference_is_no_photo(string text) => Assert.False(PhotoVariants.TryParse(text, out _));

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_001)]
    public void Net_weight_must_be_positive_and_bounded(int grams) =>
        Assert.Equal("product.weight_out_of_range", Assert.Throws<DomainException>(() =>
            new ProductListing("Gạo", "", ProductCategory.Food, SalesUnit.Bag, grams, "", "")).Code);

    [Fact]
    public void English_text_is_optional_kept_in_nfc_and_bounded_like_the_vietnamese()
    {
        var product = Builders.Product();
        Assert.Equal(("", ""), (product.EnglishName, product.EnglishDescription));

        product.Revise(new ProductListing("Miến dong", "", ProductCategory.Food, SalesUnit.Package, 500, "", "",
            "  Arrowroot vermicelli ", "Line one.\nCafe\u0301 style."), Builders.Now);

        Assert.Equal(("Arrowroot vermicelli", "Line one.\nCafé style."), (product.EnglishName, product.EnglishDescription));
        Assert.Equal("Arrowroot vermicelli", product.Listing.EnglishName);
        Assert.Equal("product.english_name.too_long", Assert.Throws<DomainException>(() =>
            new ProductListing("Gạo", "", ProductCategory.Food, SalesUnit.Bag, 500, "", "", new string('a', 201))).Code);
        Assert.Equal("product.english_name.invalid_text", Assert.Throws<DomainException>(() =>
            new ProductListing("Gạo", "", ProductCategory.Food, SalesUnit.Bag, 500, "", "", "Rice\nbag")).Code);
    }

    [Fact]
    public void Changes_before_a_save_raise_one_event_for_search_and_one_more_after_it()
    {
        var product = Builders.Product();
        Assert.Single(product.PendingEvents.OfType<ProductChanged>());

        product.ChangePrice(Money.FromDong(90_000), Builders.Now);
        product.AdjustStock(5, Builders.Now);
        Assert.Single(product.PendingEvents.OfType<ProductChanged>());

        product.ClearPendingEvents(); // what a save does
        product.ChangePrice(Money.FromDong(95_000), Builders.Now);
        Assert.Equal(product.Id, Assert.IsType<ProductChanged>(Assert.Single(product.PendingEvents)).ProductId);
    }
}
