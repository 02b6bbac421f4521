using Xunit.Abstractions;
using Xunit.Sdk;

namespace RuralMarket.Testing;

/// <summary>Marks a test class that drives Debian's Chromium (<c>/usr/bin/chromium</c>) through Playwright.</summary>
public interface IUsesChromium
{
    const string ExecutablePath = "/usr/bin/chromium";
}

/// <summary>Marks a test class that runs against PostgreSQL (see <see cref="ServiceFactAttribute"/>).</summary>
public interface IUsesPostgres;

/// <summary>
/// Marks a test class that runs against an Elasticsearch cluster named by <c>RURALMARKET_ELASTICSEARCH_URL</c>.
/// No cluster can be installed here, so without the variable these tests are reported as skipped, in CI too.
/// </summary>
public interface IUsesElasticsearch
{
    const string Variable = "RURALMARKET_ELASTICSEARCH_URL";

    static Uri? Url => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? new Uri(url) : null;
}

/// <summary>
/// A fact that needs an outside service: a database, a browser, a search cluster. In a class marked
/// <see cref="IUsesPostgres"/> or <see cref="IUsesChromium"/> it is reported as skipped, with the reason, when the
/// service is missing, except under CI, where it runs and fails so a missing service can never pass unnoticed.
/// </summary>
[XunitTestCaseDiscoverer("RuralMarket.Testing.ServiceFactDiscoverer", "RuralMarket.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ServiceFactAttribute : FactAttribute;

public sealed class ServiceFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var testClass = (testMethod.TestClass.Class as IReflectionTypeInfo)?.Type;
        var needsPostgres = testClass is not null && typeof(IUsesPostgres).IsAssignableFrom(testClass);
        if (testClass is not null && typeof(IUsesElasticsearch).IsAssignableFrom(testClass) && IUsesElasticsearch.Url is null)
        {
            yield return new XunitSkippedDataRowTestCase(diagnostics, display, displayOptions, testMethod,
                $"Elasticsearch not available: set {IUsesElasticsearch.Variable} to a cluster's URL");
            yield break;
        }
        if (testClass is not null && typeof(IUsesChromium).IsAssignableFrom(testClass) && !File.Exists(IUsesChromium.ExecutablePath) && !PostgresServer.RequiredByCi)
        {
            yield return new XunitSkippedDataRowTestCase(diagnostics, display, displayOptions, testMethod,
                $"Chromium not available at {IUsesChromium.ExecutablePath} (scripts/test.sh installs Debian's chromium)");
            yield break;
        }
        if (needsPostgres && PostgresServer.ConnectionString is null && !PostgresServer.RequiredByCi)
        {
            yield return new XunitSkippedDataRowTestCase(diagnostics, display, displayOptions, testMethod,
                $"PostgreSQL not available: set {PostgresServer.Variable} (scripts/test.sh starts one)");
            yield break;
        }
        yield return new XunitTestCase(diagnostics, display, displayOptions, testMethod);
    }
}
