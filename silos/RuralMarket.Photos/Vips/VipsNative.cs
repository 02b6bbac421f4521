using System.Runtime.InteropServices;

namespace RuralMarket.Photos.Vips;

/// <summary>
/// The few libvips 8.14 calls the pipeline needs (Debian's <c>libvips42</c>). libvips's optional arguments are
/// C varargs ending in a null pointer; each use is declared here with a fixed arity, which is safe on the
/// x86-64 and arm64 Linux calling conventions for integer and pointer arguments.
/// </summary>
internal static partial class VipsNative
{
    private const string Vips = "libvips.so.42";
    private const string GObject = "libgobject-2.0.so.0";
    private const string GLib = "libglib-2.0.so.0";

    /// <summary>VipsSize: only ever shrink.</summary>
    public const int SizeDown = 2;

    [LibraryImport(Vips, EntryPoint = "vips_init", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Init(string argv0);

    [LibraryImport(Vips, EntryPoint = "vips_concurrency_set")]
    public static partial void SetConcurrency(int threads);

    [LibraryImport(Vips, EntryPoint = "vips_cache_set_max")]
    public static partial void SetCacheMax(int operations);

    [LibraryImport(Vips, EntryPoint = "vips_block_untrusted_set")]
    public static partial void BlockUntrusted([MarshalAs(UnmanagedType.I4)] bool state);

    [LibraryImport(Vips, EntryPoint = "vips_operation_block_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void BlockOperation(string name, [MarshalAs(UnmanagedType.I4)] bool state);

    [LibraryImport(Vips, EntryPoint = "vips_foreign_find_load_buffer")]
    public static unsafe partial nint FindLoadBuffer(byte* data, nuint size);

    /// <summary><c>vips_image_new_from_buffer(buf, len, "", NULL)</c>: reads the header only. The image refers to the buffer.</summary>
    [LibraryImport(Vips, EntryPoint = "vips_image_new_from_buffer", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial nint ImageFromBuffer(byte* data, nuint size, string options, nint end);

    [LibraryImport(Vips, EntryPoint = "vips_image_get_width")]
    public static partial int Width(nint image);

    [LibraryImport(Vips, EntryPoint = "vips_image_get_height")]
    public static partial int Height(nint image);

    /// <summary>
    /// <c>vips_thumbnail_buffer(buf, len, &amp;out, width, "height", height, "size", size, "option_string", options, NULL)</c>:
    /// decodes with shrink-on-load where the format allows, turns the image upright by its EXIF orientation, and
    /// converts to sRGB. The image refers to the buffer until it is copied to memory. Loader options go in the
    /// option string: 8.14's own <c>fail_on</c> argument does not reach a buffer loader.
    /// </summary>
    [LibraryImport(Vips, EntryPoint = "vips_thumbnail_buffer", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int ThumbnailBuffer(byte* data, nuint size, out nint image, int width,
        string heightName, int height, string sizeName, int sizeMode, string optionsName, string options, nint end);

    /// <summary><c>vips_thumbnail_image(in, &amp;out, width, "height", height, "size", size, NULL)</c>.</summary>
    [LibraryImport(Vips, EntryPoint = "vips_thumbnail_image", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ThumbnailImage(nint input, out nint image, int width, string heightName, int height,
        string sizeName, int sizeMode, nint end);

    [LibraryImport(Vips, EntryPoint = "vips_image_copy_memory")]
    public static partial nint CopyMemory(nint image);

    /// <summary><c>vips_image_write_to_buffer(in, ".webp[Q=75,strip]", &amp;buf, &amp;size, NULL)</c>.</summary>
    [LibraryImport(Vips, EntryPoint = "vips_image_write_to_buffer", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int WriteToBuffer(nint image, string suffix, out nint buffer, out nuint size, nint end);

    /// <summary>The accumulated error text (to free with <see cref="Free"/>); clears it.</summary>
    [LibraryImport(Vips, EntryPoint = "vips_error_buffer_copy")]
    public static partial nint TakeErrors();

    [LibraryImport(GObject, EntryPoint = "g_object_unref")]
    public static partial void Unref(nint gobject);

    [LibraryImport(GLib, EntryPoint = "g_free")]
    public static partial void Free(nint memory);
}
