namespace RuralMarket.Web.Tests;

/// <summary>Base for tests that share one ready app (with the seed catalogue) on the given database, new for each test.</summary>
public abstract class WebAppTest(DatabaseKind kind) : IAsyncLifetime
{
    protected RuralMarketApp App { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await RuralMarketApp.CreateAsync(kind);
        Client = await App.ReadyClientAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
