using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace RuralMarket.Testing;

/// <summary>
/// Real image files for tests, made with the libvips command-line tools (Debian's <c>libvips-tools</c>), which are
/// independent of the pipeline under test: a picture whose top-left quarter is red and the rest blue (so a test
/// can tell which way up it came out), EXIF to add to a JPEG, and hostile files.
/// </summary>
public static class TestPhotos
{
    public static readonly (byte R, byte G, byte B) Red = (220, 30, 30);
    public static readonly (byte R, byte G, byte B) Blue = (30, 30, 220);

    /// <summary>Latitude bytes of the GPS position written by <see cref="WithExif"/> (21°1′41″ N): no output may contain them.</summary>
    public static readonly byte[] GpsLatitude = [21, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 41, 0, 0, 0, 1, 0, 0, 0];

    /// <summary>A width × height picture in "jpg", "png", "webp" or "heic".</summary>
    public static byte[] Marked(int width, int height, string format)
    {
        // Drawn at a tenth of the size and enlarged without smoothing: quick even for tens of megapixels.
        var scale = width % 10 == 0 && height % 10 == 0 && width >= 100 ? 10 : 1;
        var (w, h) = (width / scale, height / scale);
        var ppm = new MemoryStream();
        ppm.Write(Encoding.ASCII.GetBytes($"P6\n{w} {h}\n255\n"));
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var (r, g, b) = x < w / 2 && y < h / 2 ? Red : Blue;
                ppm.Write([r, g, b]);
            }
        }
        using var folder = new TemporaryFolder();
        var source = folder.Write("source.ppm", ppm.ToArray());
        var target = Path.Combine(folder.Path, "photo." + format);
        Vips("resize", source, target + (format == "jpg" ? "[Q=90]" : ""), scale.ToString(CultureInfo.InvariantCulture), "--kernel", "nearest");
        return File.ReadAllBytes(target);
    }

    /// <summary>The RGB of one pixel of an image file.</summary>
    public static (int R, int G, int B) PixelAt(byte[] image, int x, int y)
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("image", image);
        var values = Vips("getpoint", file, x.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture))
            .Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(v => (int)double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return (values[0], values[1], values[2]);
    }

    public static bool IsRed((int R, int G, int B) pixel) => pixel.R > 150 && pixel.B < 100;

    public static bool IsBlue((int R, int G, int B) pixel) => pixel.B > 150 && pixel.R < 100;

    /// <summary>Width and height as libvips reads them from the header.</summary>
    public static (int Width, int Height) SizeOf(byte[] image)
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("image", image);
        int Field(string name) => int.Parse(Run("vipsheader", "-f", name, file).Trim(), CultureInfo.InvariantCulture);
        return (Field("width"), Field("height"));
    }

    /// <summary>
    /// The JPEG with an EXIF segment saying how to turn it upright (1–8) and where it was taken, as a phone writes.
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation)
    {
        // TIFF, little-endian: IFD0 with Orientation and a pointer to the GPS IFD, which has latitude and its ref.
        var tiff = new byte[8 + 2 + (2 * 12) + 4 + 2 + (2 * 12) + 4 + 24];
        var t = tiff.AsSpan();
        "II"u8.CopyTo(t);
        BinaryPrimitives.WriteUInt16LittleEndian(t[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(t[4..], 8);
        var gpsIfd = 8 + 2 + (2 * 12) + 4;
        var latitude = gpsIfd + 2 + (2 * 12) + 4;
        WriteIfd(t[8..], [(0x0112, 3, 1, orientation), (0x8825, 4, 1, (uint)gpsIfd)]);
        WriteIfd(t[gpsIfd..], [(0x0001, 2, 2, 'N'), (0x0002, 5, 3, (uint)latitude)]);
        GpsLatitude.CopyTo(t[latitude..]);

        var app1 = new MemoryStream();
        app1.Write([0xFF, 0xE1]);
        var length = (ushort)(2 + 6 + tiff.Length);
        app1.Write([(byte)(length >> 8), (byte)length]);
        app1.Write("Exif\0\0"u8);
        app1.Write(tiff);
        return [.. jpeg[..2], .. app1.ToArray(), .. jpeg[2..]];
    }

    /// <summary>A valid, tiny PNG whose header declares width × height pixels.</summary>
    public static byte[] DeclaringPng(int width, int height)
    {
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey)
        WriteChunk(png, "IHDR", header);
        var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[64 * 1024]); // the first rows, all black; the rest are simply missing
        }
        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Whether any metadata survives: EXIF, XMP, ICC or IPTC in a JPEG or WebP, or the GPS position anywhere.</summary>
    public static bool HasMetadata(byte[] image)
    {
        if (image.AsSpan().IndexOf(GpsLatitude) >= 0 || image.AsSpan().IndexOf("Exif\0\0"u8) >= 0)
        {
            return true;
        }
        if (image is [0xFF, 0xD8, ..])
        {
            for (var i = 2; i + 4 <= image.Length && image[i] == 0xFF && image[i + 1] != 0xDA; i += 2 + ((image[i + 2] << 8) | image[i + 3]))
            {
                if (image[i + 1] is 0xE1 or 0xE2 or 0xED)
                {
                    return true;
                }
            }
            return false;
        }
        for (var i = 12; i + 8 <= image.Length; i += 8 + ((BinaryPrimitives.ReadInt32LittleEndian(image.AsSpan(i + 4)) + 1) & ~1))
        {
            if (Encoding.ASCII.GetString(image, i, 4) is "EXIF" or "XMP " or "ICCP")
            {
                return true;
            }
        }
        return false;
    }

    private static void WriteIfd(Span<byte> ifd, (ushort Tag, ushort Type, uint Count, uint Value)[] entries)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(ifd, (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = ifd[(2 + (i * 12))..];
            BinaryPrimitives.WriteUInt16LittleEndian(entry, entries[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], entries[i].Type);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], entries[i].Count);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], entries[i].Value);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(ifd[(2 + (entries.Length * 12))..], 0);
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var buffer = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        png.Write(buffer);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32(typed));
        png.Write(buffer);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    private static string Vips(params string[] arguments) => Run("vips", arguments);

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)}: {errors}");
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("ruralmarket-photo-").FullName;

        public string Write(string name, byte[] content)
        {
            var file = System.IO.Path.Combine(Path, name);
            File.WriteAllBytes(file, content);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
