namespace RuralMarket.Web;

/// <summary>Marker for the UI text in Resources/SharedResource.resx (Vietnamese) and SharedResource.en.resx (English).</summary>
public sealed class SharedResource;
