using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using RuralMarket.Data.Media;
using RuralMarket.Photos;
using RuralMarket.Photos.Vips;

// Usage: RuralMarket.Photos.Benchmarks [rounds]         — the whole comparison
//        RuralMarket.Photos.Benchmarks once FILE        — one photo through the pipeline (measured from outside for peak RSS)
//        RuralMarket.Photos.Benchmarks imagesharp FILE  — the same outputs with ImageSharp, likewise
var invariant = CultureInfo.InvariantCulture;
if (args is ["once", var file])
{
    await StoreOnceAsync(await File.ReadAllBytesAsync(file));
    return 0;
}
if (args is ["imagesharp", var input])
{
    ImageSharpOnce(await File.ReadAllBytesAsync(input));
    return 0;
}
if (args is ["idle"])
{
    await StoreOnceAsync(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "tiny.png")));
    return 0;
}
var rounds = args.Length > 0 ? int.Parse(args[0], invariant) : 5;
var work = Directory.CreateTempSubdirectory("ruralmarket-photo-bench-").FullName;
try
{
    var photo = Path.Combine(work, "phone.jpg");
    MakePhoneSizedJpeg(work, photo);
    var bytes = await File.ReadAllBytesAsync(photo);
    Console.WriteLine($"Input: 6000×4000 JPEG (24 MP), {bytes.Length / 1024.0 / 1024.0:F1} MB; {rounds} rounds after one warm-up; {Environment.ProcessorCount} cores.");
    Console.WriteLine("Output of each: WebP 1600/800/320 px wide (Q75) and a JPEG 800 px (Q80), upright, metadata stripped.");

    await StoreOnceAsync(bytes);
    var inProcess = Median(Enumerable.Range(0, rounds).Select(_ => Time(() => StoreOnceAsync(bytes).GetAwaiter().GetResult())));
    ImageSharpOnce(bytes);
    var sharpInProcess = Median(Enumerable.Range(0, rounds).Select(_ => Time(() => ImageSharpOnce(bytes))));

    var self = typeof(Program).Assembly.Location;
    var oneShot = Measure(rounds, "dotnet", self, "once", photo);
    // The same process with a 16 × 16 photo: what .NET and libvips take before any real photo.
    Run("vips", "black", Path.Combine(AppContext.BaseDirectory, "tiny.png"), "16", "16");
    var idle = Measure(rounds, "dotnet", self, "idle");
    var sharpOneShot = Measure(rounds, "dotnet", self, "imagesharp", photo);

    string[] Convert(string hint) =>
    [
        .. hint.Length > 0 ? new[] { "-define", hint } : [], photo, "-auto-orient", "-strip",
        "(", "+clone", "-resize", "1600x", "-quality", "75", "-write", Path.Combine(work, "im-1600.webp"), "+delete", ")",
        "(", "+clone", "-resize", "800x", "-quality", "75", "-write", Path.Combine(work, "im-800.webp"), "+delete", ")",
        "(", "+clone", "-resize", "320x", "-quality", "75", "-write", Path.Combine(work, "im-320.webp"), "+delete", ")",
        "-resize", "800x", "-quality", "80", "-interlace", "JPEG", Path.Combine(work, "im-800.jpg"),
    ];
    var magick = Measure(rounds, "/usr/bin/convert", Convert(""));
    var magickHinted = Measure(rounds, "/usr/bin/convert", Convert("jpeg:size=3200x2134"));

    Console.WriteLine();
    Console.WriteLine("| run (medians) | time | peak RSS | ImageMagick ÷ this | ImageSharp ÷ this (same kind of run) |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    Console.WriteLine($"| RuralMarket pipeline, in a warm process | {inProcess:F0} ms | — | {magick.Ms / inProcess:F1}× | {sharpInProcess / inProcess:F1}× |");
    Console.WriteLine($"| RuralMarket pipeline, new process per photo (incl. .NET start) | {oneShot.Ms:F0} ms | {oneShot.RssMb:F0} MB | {magick.Ms / oneShot.Ms:F1}× | {sharpOneShot.Ms / oneShot.Ms:F1}× time, {sharpOneShot.RssMb / oneShot.RssMb:F1}× RSS |");
    Console.WriteLine($"| same process, 16 × 16 photo (what .NET and libvips take anyway) | {idle.Ms:F0} ms | {idle.RssMb:F0} MB | — | — |");
    Console.WriteLine($"| ImageSharp 2.1, in a warm process | {sharpInProcess:F0} ms | — | {magick.Ms / sharpInProcess:F1}× | 1.0× |");
    Console.WriteLine($"| ImageSharp 2.1, new process per photo (incl. .NET start) | {sharpOneShot.Ms:F0} ms | {sharpOneShot.RssMb:F0} MB | {magick.Ms / sharpOneShot.Ms:F1}× | 1.0× |");
    Console.WriteLine($"| ImageMagick `convert` (baseline) | {magick.Ms:F0} ms | {magick.RssMb:F0} MB | 1.0× | — |");
    Console.WriteLine($"| ImageMagick `convert -define jpeg:size=3200x2134` | {magickHinted.Ms:F0} ms | {magickHinted.RssMb:F0} MB | {magick.Ms / magickHinted.Ms:F1}× | — |");
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static async Task StoreOnceAsync(byte[] bytes)
{
    var root = Directory.CreateTempSubdirectory("ruralmarket-photo-bench-media-").FullName;
    try
    {
        using var pipeline = new PhotoPipeline(new VipsPhotoEncoder(), new LocalMediaStore(Options.Create(new MediaOptions { Root = root })),
            Options.Create(new PhotoOptions()));
        await pipeline.StoreAsync(new MemoryStream(bytes), CancellationToken.None);
    }
    finally
    {
        Directory.Delete(root, recursive: true);
    }
}

static void ImageSharpOnce(byte[] bytes)
{
    var folder = Directory.CreateTempSubdirectory("ruralmarket-photo-bench-imagesharp-").FullName;
    try
    {
        ImageSharpPeer.Make(bytes, folder);
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

// Something like a phone photo: noisy detail in three colour channels (which JPEG cannot squeeze to nothing), with EXIF.
static void MakePhoneSizedJpeg(string work, string target)
{
    var bands = new List<string>();
    foreach (var band in new[] { "r", "g", "b" })
    {
        Run("vips", "gaussnoise", Path.Combine(work, band + "-noise.v"), "6000", "4000", "--sigma", "60");
        Run("vips", "gaussblur", Path.Combine(work, band + "-noise.v"), Path.Combine(work, band + "-blur.v"), "1.2");
        Run("vips", "cast", Path.Combine(work, band + "-blur.v"), Path.Combine(work, band + ".v"), "uchar");
        bands.Add(Path.Combine(work, band + ".v"));
    }
    Run("vips", "bandjoin", string.Join(' ', bands), Path.Combine(work, "rgb.v"));
    Run("vips", "copy", Path.Combine(work, "rgb.v"), target + "[Q=90]", "--interpretation", "srgb");
}

static double Time(Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed.TotalMilliseconds;
}

static (double Ms, double RssMb) Measure(int rounds, string program, params string[] arguments)
{
    Run("/usr/bin/time", ["-f", "%e %M", program, .. arguments]); // warm-up: file cache, libraries
    var runs = Enumerable.Range(0, rounds).Select(_ =>
    {
        var report = Run("/usr/bin/time", ["-f", "%e %M", "-o", "/dev/stderr", program, .. arguments]).Errors.Trim().Split('\n')[^1].Split(' ');
        return (Ms: double.Parse(report[0], CultureInfo.InvariantCulture) * 1000, RssMb: double.Parse(report[1], CultureInfo.InvariantCulture) / 1024);
    }).ToList();
    return (Median(runs.Select(r => r.Ms)), Median(runs.Select(r => r.RssMb)));
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static (string Output, string Errors) Run(string program, params string[] arguments)
{
    var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }
    using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
    var output = process.StandardOutput.ReadToEndAsync();
    var errors = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    return process.ExitCode == 0 ? (output.Result, errors.Result)
        : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {errors.Result}");
}
