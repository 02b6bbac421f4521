namespace RuralMarket.Web.Portal;

/// <summary>One labelled input of a portal form with its error beside it (rendered by <c>_Field.cshtml</c>).</summary>
public sealed record FormField(string Name, string Label, string? Value, string? ErrorKey,
    string Type = "text", bool Required = false, int MaxLength = 200, string? Hint = null, int Rows = 0,
    string? InputMode = null, string? AutoComplete = null);
