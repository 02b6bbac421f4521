using PdfSharp.Fonts;

namespace RuralMarket.Logistics.Labels;

/// <summary>
/// PDFsharp finds no fonts on its own outside Windows: labels use DejaVu Sans (Debian's fonts-dejavu-core), which has
/// every Vietnamese letter, from <see cref="Directory"/>. Set once per process, before the first label.
/// </summary>
internal sealed class LabelFonts(string directory) : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    private static readonly Lock Gate = new();
    private static bool _installed;

    public string Directory => directory;

    public static void Install(string directory)
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }
            foreach (var file in new[] { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" })
            {
                if (!File.Exists(Path.Combine(directory, file)))
                {
                    throw new InvalidOperationException($"Labels need {file} in {directory} (Debian: apt-get install fonts-dejavu-core; or set Labels:FontDirectory).");
                }
            }
            GlobalFontSettings.FontResolver = new LabelFonts(directory);
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(directory, faceName + ".ttf"));
}
