using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;

namespace RuralMarket.Search.Elasticsearch;

/// <summary>
/// The index template every product index is made from: Vietnamese folding (ế → e, đ → d, the original kept beside
/// it), an exact-diacritics field to rank words typed with their marks first, and an edge-n-gram field for suggestions.
/// </summary>
internal static class ProductIndexTemplate
{
    public static PutIndexTemplateRequest For(string alias) => new($"{alias}-template")
    {
        IndexPatterns = $"{alias}-*",
        Template = new IndexTemplateMapping { Settings = Settings(), Mappings = Mappings() },
    };

    private static IndexSettings Settings() => new()
    {
        NumberOfShards = 1,
        Analysis = new IndexSettingsAnalysis
        {
            TokenFilters = new TokenFilters
            {
                { "vi_fold", new AsciiFoldingTokenFilter { PreserveOriginal = true } },
                { "suggest_edge", new EdgeNGramTokenFilter { MinGram = 1, MaxGram = 20 } },
            },
            Analyzers = new Analyzers
            {
                { "vi_folding", Analyzer("lowercase", "vi_fold") },
                { "vi_exact", Analyzer("lowercase") },
                { "vi_suggest", Analyzer("lowercase", "asciifolding", "suggest_edge") },
            },
            Normalizers = new Normalizers
            {
                { "vi_sort", new CustomNormalizer { Filter = ["lowercase", "asciifolding"] } },
            },
        },
    };

    private static TypeMapping Mappings() => new()
    {
        Dynamic = DynamicMapping.Strict,
        Properties = new Properties
        {
            { "product_id", new KeywordProperty() },
            { "slug", new KeywordProperty() },
            {
                "name", new TextProperty
                {
                    Analyzer = "vi_folding",
                    Fields = new Properties
                    {
                        { "exact", new TextProperty { Analyzer = "vi_exact" } },
                        { "suggest", new TextProperty { Analyzer = "vi_suggest", SearchAnalyzer = "vi_folding" } },
                        { "sort", new KeywordProperty { Normalizer = "vi_sort" } },
                    },
                }
            },
            {
                "name_en", new TextProperty
                {
                    Analyzer = "vi_folding",
                    Fields = new Properties { { "exact", new TextProperty { Analyzer = "vi_exact" } } },
                }
            },
            {
                "body", new TextProperty
                {
                    Analyzer = "vi_folding",
                    Fields = new Properties { { "exact", new TextProperty { Analyzer = "vi_exact" } } },
                }
            },
            { "category", new KeywordProperty() },
            { "unit", new KeywordProperty() },
            { "net_weight_grams", new IntegerNumberProperty() },
            { "price", new LongNumberProperty() },
            { "in_stock", new BooleanProperty() },
            { "ocop_stars", new IntegerNumberProperty() },
            { "ocop_expires_on", new DateProperty { Format = "yyyy-MM-dd" } },
            { "published_at", new DateProperty() },
            { "cooperative_slug", new KeywordProperty() },
            { "cooperative_name", new KeywordProperty() },
            { "province_code", new KeywordProperty() },
            { "province_name", new KeywordProperty() },
            { "cover_photo", new KeywordProperty { Index = false } },
        },
    };

    private static CustomAnalyzer Analyzer(params string[] filters) => new() { Tokenizer = "standard", Filter = filters };
}
