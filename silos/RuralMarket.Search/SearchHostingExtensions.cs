using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using RuralMarket.Data.Hosting;
using RuralMarket.Search.Elasticsearch;
using RuralMarket.Search.Indexing;
using RuralMarket.Search.Postgres;
using RuralMarket.Search.Sqlite;
using RuralMarket.Silo.Outbox;

namespace RuralMarket.Search;

/// <summary>The adapter in use, resolved once from configuration.</summary>
internal sealed record SearchSelection(SearchProvider Provider)
{
    public bool IndexLivesInDatabase => Provider != SearchProvider.Elasticsearch;
}

public static class SearchHostingExtensions
{
    /// <summary>
    /// The search port with the adapter <c>Search:Provider</c> names (by default the database's own), and the
    /// silo's indexing handler. Call after AddSeedData so the index is filled after the catalogue is loaded.
    /// </summary>
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SearchOptions>()
            .BindConfiguration(SearchOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SearchOptions>, SearchOptionsValidation>();
        services.AddSingleton<SearchDocumentSource>();
        services.AddSingleton<SearchReindexer>();
        services.AddSingleton<SearchIndexingHandler>();
        services.AddSingleton<IOutboxHandler>(sp => sp.GetRequiredService<SearchIndexingHandler>());

        services.AddSingleton(sp => new SearchSelection(
            sp.GetRequiredService<IOptions<SearchOptions>>().Value.Provider
            ?? (sp.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.Postgres ? SearchProvider.Postgres : SearchProvider.Sqlite)));
        services.AddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<DatabaseOptions>().ConnectionString));
        services.AddSingleton<SqliteTermVocabulary>();
        services.AddSingleton<SqliteProductSearch>();
        services.AddSingleton<SqliteSearchIndex>();
        services.AddSingleton<PostgresTermVocabulary>();
        services.AddSingleton<PostgresProductSearch>();
        services.AddSingleton<PostgresSearchIndex>();
        services.AddElasticsearchAdapter();
        services.AddMetrics();
        services.AddSingleton<IProductSearch>(sp =>
        {
            var provider = sp.GetRequiredService<SearchSelection>().Provider;
            IProductSearch adapter = provider switch
            {
                SearchProvider.Postgres => sp.GetRequiredService<PostgresProductSearch>(),
                SearchProvider.Elasticsearch => sp.GetRequiredService<ElasticsearchProductSearch>(),
                _ => sp.GetRequiredService<SqliteProductSearch>(),
            };
            return new MeasuredProductSearch(adapter, provider, sp.GetRequiredService<IMeterFactory>());
        });
        services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<SearchSelection>().Provider switch
        {
            SearchProvider.Postgres => sp.GetRequiredService<PostgresSearchIndex>(),
            SearchProvider.Elasticsearch => sp.GetRequiredService<ElasticsearchSearchIndex>(),
            _ => sp.GetRequiredService<SqliteSearchIndex>(),
        });
        services.AddScoped<IDatabaseInitializer, SearchIndexBootstrap>();
        return builder;
    }


    /// <summary>The database-hosted adapters need their own database; Elasticsearch needs a URL.</summary>
    private sealed class SearchOptionsValidation(IOptions<DatabaseOptions> database) : IValidateOptions<SearchOptions>
    {
        public ValidateOptionsResult Validate(string? name, SearchOptions options) => options.Provider switch
        {
            SearchProvider.Sqlite when database.Value.Provider != DatabaseProvider.Sqlite =>
                ValidateOptionsResult.Fail("Search:Provider Sqlite needs Database:Provider Sqlite (the index lives in the database)."),
            SearchProvider.Postgres when database.Value.Provider != DatabaseProvider.Postgres =>
                ValidateOptionsResult.Fail("Search:Provider Postgres needs Database:Provider Postgres (the index lives in the database)."),
            SearchProvider.Elasticsearch when options.Elasticsearch.Url is null =>
                ValidateOptionsResult.Fail("Search:Elasticsearch:Url is required when Search:Provider is Elasticsearch."),
            _ => ValidateOptionsResult.Success,
        };
    }
}
