using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Search;

public enum SearchProvider
{
    Sqlite,
    Postgres,
    Elasticsearch,
}

/// <summary>The <c>Search</c> configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Which adapter answers searches; by default the one that matches <c>Database:Provider</c>.</summary>
    [EnumDataType(typeof(SearchProvider), ErrorMessage = "Search:Provider must be Sqlite, Postgres or Elasticsearch.")]
    public SearchProvider? Provider { get; set; }

    public ElasticsearchOptions Elasticsearch { get; set; } = new();
}

public sealed class ElasticsearchOptions
{
    /// <summary>The cluster, e.g. http://elasticsearch:9200. Required when <c>Search:Provider</c> is Elasticsearch.</summary>
    public Uri? Url { get; set; }

    /// <summary>The alias searches go to; each rebuild makes a new index behind it and swaps the alias.</summary>
    [RegularExpression("^[a-z0-9][a-z0-9_-]{0,99}$", ErrorMessage = "Search:Elasticsearch:Alias must be lower-case letters, digits, - or _.")]
    public string Alias { get; set; } = "ruralmarket-products";

    /// <summary>An API key, if the cluster wants one. From a secret store, never from a committed file.</summary>
    public string? ApiKey { get; set; }
}
