using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Web.Tests.Journey;

namespace RuralMarket.Web.Tests.Portal;

/// <summary>A certificate a cooperative enters earns its badge only once the platform has checked it.</summary>
public sealed class CertificateCheckTests : IAsyncLifetime
{
    private PortalWorld _world = null!;

    public async Task InitializeAsync() => _world = await PortalWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_new_certificate_shows_no_badge_until_an_admin_confirms_it_and_a_withdrawn_one_loses_it()
    {
        var manager = await _world.ClientAsync("managerA");
        var admin = await _world.ClientAsync("admin");
        var newProduct = $"/portal/{_world.A.Slug}/products/new";
        var created = await manager.PostFormAsync(newProduct, newProduct,
            ("Form.Name", "Trà giảo cổ lam Vi Hương"), ("Form.Category", "Beverages"), ("Form.Unit", "Bag"), ("Form.NetWeightGrams", "100"),
            ("Form.Price", "65.000"), ($"Form.Shares[{_world.A.HouseholdId}]", "100"), ("Form.Certified", "true"), ("Form.Stars", "5"),
            ("Form.Level", "National"), ("Form.CertificateNumber", "1032/QĐ-BNN"), ("Form.IssuedOn", "2025-06-01"), ("Form.ExpiresOn", "2028-05-31"));
        var productPage = created.Headers.Location!.OriginalString.Split('?')[0];
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(productPage, $"{productPage}?handler=Publish")).StatusCode);
        var productId = await _world.QueryAsync(db => db.Products.Where(p => p.Slug == "tra-giao-co-lam-vi-huong").Select(p => p.Id).SingleAsync());
        var buyer = _world.App.CreateClient();

        Assert.DoesNotContain("Sản phẩm OCOP 5 sao", await buyer.PageAsync("/products/tra-giao-co-lam-vi-huong"), StringComparison.Ordinal);
        Assert.Contains("Trà giảo cổ lam Vi Hương", await admin.PageAsync("/admin/certificates"), StringComparison.Ordinal);

        var confirmed = await admin.PostFormAsync("/admin/certificates", $"/admin/certificates?id={productId}&handler=Confirm");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("Sản phẩm OCOP 5 sao", await buyer.PageAsync("/products/tra-giao-co-lam-vi-huong"), StringComparison.Ordinal);
        Assert.DoesNotContain("Trà giảo cổ lam Vi Hương", await admin.PageAsync("/admin/certificates"), StringComparison.Ordinal);
        Assert.Contains("xác nhận chứng nhận OCOP của «Trà giảo cổ lam Vi Hương»", await manager.PageAsync($"/portal/{_world.A.Slug}/activity"), StringComparison.Ordinal);

        // A manager editing the certificate (here its number) sends it back to the check.
        var edit = $"{productPage}/edit";
        var form = WebForm.Fields(await manager.GetStringAsync(edit));
        form["Form.CertificateNumber"] = "1033/QĐ-BNN";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(edit, edit, [.. form.Select(f => (f.Key, f.Value))])).StatusCode);
        Assert.DoesNotContain("Sản phẩm OCOP 5 sao", await buyer.PageAsync("/products/tra-giao-co-lam-vi-huong"), StringComparison.Ordinal);

        var withdrawn = await admin.PostFormAsync("/admin/certificates", $"/admin/certificates?id={productId}&handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Null((await _world.QueryAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Id == productId))).Certificate);
    }
}
