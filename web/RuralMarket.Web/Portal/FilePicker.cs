namespace RuralMarket.Web.Portal;

/// <summary>A required file input drawn as a Vietnamese "choose a file" button (rendered by <c>_FilePicker.cshtml</c>).</summary>
public sealed record FilePicker(string Name, string Label, string Accept, string Hint);
