using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RuralMarket.Photos;

/// <summary>Times every decode of the encoder it wraps and counts its outcomes (stored, or refused by code).</summary>
internal sealed class MeasuredPhotoEncoder : IPhotoEncoder
{
    public const string MeterName = "RuralMarket.Photos";

    private readonly IPhotoEncoder _inner;
    private readonly Histogram<double> _duration;

    public MeasuredPhotoEncoder(IPhotoEncoder inner, IMeterFactory meters)
    {
        _inner = inner;
        _duration = meters.Create(MeterName).CreateHistogram<double>(
            "ruralmarket.photos.decode.duration", "s", "Decoding an upload and writing its variants, by outcome");
    }

    public EncodedPhoto Encode(byte[] original, PhotoFormat format, long maxPixels)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "encoded";
        try
        {
            return _inner.Encode(original, format, maxPixels);
        }
        catch (PhotoRejectedException refusal)
        {
            outcome = refusal.Code;
            throw;
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("format", format.ToString()), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
