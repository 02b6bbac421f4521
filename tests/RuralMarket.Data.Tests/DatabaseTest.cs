namespace RuralMarket.Data.Tests;

/// <summary>Base for tests written once and run on each provider: every test gets a new, migrated database.</summary>
public abstract class DatabaseTest(DatabaseKind kind) : IAsyncLifetime
{
    private TestPlatform? _platform;

    protected DatabaseKind Kind { get; } = kind;

    protected TestPlatform Platform => _platform ?? throw new InvalidOperationException("The platform starts in InitializeAsync.");

    public async Task InitializeAsync() => _platform = await TestPlatform.StartAsync(Kind);

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}
