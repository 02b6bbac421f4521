namespace RuralMarket.Testing;

/// <summary>The PostgreSQL server the tests may use, named by an environment variable that scripts/test.sh sets.</summary>
public static class PostgresServer
{
    public const string Variable = "RURALMARKET_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool RequiredByCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Require() => ConnectionString
        ?? throw new InvalidOperationException($"PostgreSQL tests must run in CI, but {Variable} is not set: run the tests through scripts/test.sh.");
}
