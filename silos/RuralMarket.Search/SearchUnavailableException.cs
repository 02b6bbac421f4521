namespace RuralMarket.Search;

/// <summary>The search engine could not answer (cluster down, timeout). Callers show "try again"; the cause is only logged.</summary>
public sealed class SearchUnavailableException(Exception cause)
    : Exception("The search engine did not answer.", cause);
