using System.Text;
using Microsoft.Extensions.Options;
using RuralMarket.Data.Media;
using RuralMarket.Domain.Catalog;
using RuralMarket.Photos;
using RuralMarket.Photos.Vips;

namespace RuralMarket.Photos.Tests;

/// <summary>The pipeline on real files through Debian's libvips, stored in a real folder.</summary>
public sealed class PhotoPipelineTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ruralmarket-media-").FullName;
    private readonly LocalMediaStore _media;
    private readonly PhotoPipeline _pipeline;

    public PhotoPipelineTests()
    {
        _media = new LocalMediaStore(Options.Create(new MediaOptions { Root = _root }));
        _pipeline = new PhotoPipeline(new VipsPhotoEncoder(), _media, Options.Create(new PhotoOptions()));
    }

    [Fact]
    public async Task A_phone_photo_comes_out_upright_in_every_size_without_its_metadata()
    {
        // Stored landscape, 12 MP, with EXIF orientation 6: shown turned a quarter clockwise, as a phone held upright took it.
        var upload = TestPhotos.WithExif(TestPhotos.Marked(4000, 3000, "jpg"), orientation: 6);
        Assert.True(TestPhotos.HasMetadata(upload));

        var photo = await _pipeline.StoreAsync(new MemoryStream(upload), CancellationToken.None);

        Assert.Equal((1600, 2133), (photo.Width, photo.Height));
        Assert.Equal([320, 800, 1600], photo.Widths);
        foreach (var (key, width) in photo.Widths.Select(w => (photo.WebpKey(w), w)).Append((photo.JpegKey, 800)))
        {
            var variant = Read(key);
            Assert.Equal(width, TestPhotos.SizeOf(variant).Width);
            var height = TestPhotos.SizeOf(variant).Height;
            Assert.True(height > width, $"{key} is not upright: {width}×{height}");
            // The red corner was top-left as stored; turned upright it is top-right.
            Assert.True(TestPhotos.IsRed(TestPhotos.PixelAt(variant, width * 3 / 4, height / 4)), key);
            Assert.True(TestPhotos.IsBlue(TestPhotos.PixelAt(variant, width / 4, height / 4)), key);
            Assert.False(TestPhotos.HasMetadata(variant), $"{key} still carries metadata");
        }
        Assert.Equal(upload, Read(PhotoPipeline.OriginalKey(photo.PhotoId, PhotoFormat.Jpeg)));
    }

    [Theory]
    [InlineData("png", PhotoFormat.Png)]
    [InlineData("webp", PhotoFormat.Webp)]
    [InlineData("heic", PhotoFormat.Heic)]
    public async Task Png_webp_and_heic_photos_are_taken(string format, PhotoFormat expected)
    {
        var upload = TestPhotos.Marked(1000, 800, format);

        var photo = await _pipeline.StoreAsync(new MemoryStream(upload), CancellationToken.None);

        Assert.Equal((1000, 800), (photo.Width, photo.Height));
        Assert.Equal([320, 800, 1000], photo.Widths);
        Assert.True(TestPhotos.IsRed(TestPhotos.PixelAt(Read(photo.WebpKey(320)), 40, 40)));
        Assert.Equal((800, 640), TestPhotos.SizeOf(Read(photo.JpegKey)));
        Assert.NotNull(_media.OpenRead(PhotoPipeline.OriginalKey(photo.PhotoId, expected)));
    }

    [Fact]
    public async Task A_small_photo_is_never_enlarged()
    {
        var photo = await _pipeline.StoreAsync(new MemoryStream(TestPhotos.Marked(200, 150, "png")), CancellationToken.None);

        Assert.Equal([200], photo.Widths);
        Assert.Equal((200, 150), TestPhotos.SizeOf(Read(photo.JpegKey)));
    }

    [Fact]
    public async Task The_format_comes_from_the_bytes_not_the_name()
    {
        // A PNG sent as "photo.jpg": taken, as the PNG it is.
        var photo = await _pipeline.StoreAsync(new MemoryStream(TestPhotos.Marked(400, 300, "png")), CancellationToken.None);

        Assert.NotNull(_media.OpenRead(PhotoPipeline.OriginalKey(photo.PhotoId, PhotoFormat.Png)));
    }

    public static TheoryData<string, Func<byte[]>, string> HostileFiles() => new()
    {
        { "decompression bomb: 2 KB declaring 100,000 × 100,000 px", () => TestPhotos.DeclaringPng(100_000, 100_000), "photo.too_many_pixels" },
        { "60 megapixels", () => TestPhotos.Marked(10000, 6000, "jpg"), "photo.too_many_pixels" },
        { "truncated JPEG", () => Half(TestPhotos.Marked(1600, 1200, "jpg")), "photo.unreadable" },
        { "HTML whose name says .jpg", () => "<html><script>alert(1)</script></html>"u8.ToArray(), "photo.unsupported_format" },
        { "SVG with a script", () => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "photo.unsupported_format" },
        { "GIF", () => "GIF89a\u0001\0\u0001\0\0\0\0;"u8.ToArray(), "photo.unsupported_format" },
        { "JPEG magic, then garbage", () => [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[5000]], "photo.unreadable" },
        { "zero bytes", () => [], "photo.empty" },
        { "25 MB", () => [0xFF, 0xD8, 0xFF, .. new byte[25 * 1024 * 1024]], "photo.too_large" },
    };

    private static byte[] Half(byte[] file) => file[..(file.Length / 2)];

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Hostile_files_are_refused_with_a_reason_and_nothing_is_stored(string kind, Func<byte[]> file, string code)
    {
        var error = await Assert.ThrowsAsync<PhotoRejectedException>(() => _pipeline.StoreAsync(new MemoryStream(file()), CancellationToken.None));

        Assert.True(code == error.Code, $"{kind}: {error.Code} ({error.Message})");
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Decoding_waits_for_a_free_slot()
    {
        var encoder = new ObservedEncoder(new VipsPhotoEncoder());
        using var pipeline = new PhotoPipeline(encoder, _media, Options.Create(new PhotoOptions { MaxConcurrentDecodes = 2 }));
        var upload = TestPhotos.Marked(2000, 1500, "jpg");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => pipeline.StoreAsync(new MemoryStream(upload), CancellationToken.None)));

        Assert.Equal(8, encoder.Calls);
        Assert.InRange(encoder.MostAtOnce, 1, 2);
    }

    [Fact]
    public async Task An_upload_that_waits_too_long_for_a_slot_is_asked_to_try_again()
    {
        var encoder = new ObservedEncoder(new VipsPhotoEncoder()) { Gate = new ManualResetEventSlim() };
        using var pipeline = new PhotoPipeline(encoder, _media,
            Options.Create(new PhotoOptions { MaxConcurrentDecodes = 1, QueueTimeout = TimeSpan.FromMilliseconds(200) }));
        var upload = TestPhotos.Marked(400, 300, "png");
        var first = pipeline.StoreAsync(new MemoryStream(upload), CancellationToken.None);
        await encoder.Entered.Task;

        var second = await Assert.ThrowsAsync<PhotoRejectedException>(() => pipeline.StoreAsync(new MemoryStream(upload), CancellationToken.None));

        Assert.Equal("photo.busy", second.Code);
        encoder.Gate.Set();
        Assert.Equal(400, (await first).Width);
    }

    public void Dispose()
    {
        _pipeline.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private byte[] Read(string key)
    {
        using var stream = _media.OpenRead(key) ?? throw new FileNotFoundException(key);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The real encoder, watched: how many run at once, and optionally held until a gate opens.</summary>
    private sealed class ObservedEncoder(IPhotoEncoder inner) : IPhotoEncoder
    {
        private int _running;
        private int _calls;
        private int _mostAtOnce;

        public ManualResetEventSlim? Gate { get; init; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls => _calls;

        public int MostAtOnce => _mostAtOnce;

        public EncodedPhoto Encode(byte[] original, PhotoFormat format, long maxPixels)
        {
            var running = Interlocked.Increment(ref _running);
            Interlocked.Increment(ref _calls);
            InterlockedMax(ref _mostAtOnce, running);
            Entered.TrySetResult();
            try
            {
                Gate?.Wait(TimeSpan.FromSeconds(30));
                return inner.Encode(original, format, maxPixels);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
