using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RuralMarket.Photos.Vips;

namespace RuralMarket.Photos;

public static class PhotoHostingExtensions
{
    /// <summary>The photo pipeline with libvips as its encoder, measured.</summary>
    public static IHostApplicationBuilder AddPhotos(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMetrics().AddSingleton<VipsPhotoEncoder>();
        builder.Services.AddSingleton<IPhotoEncoder>(sp => new MeasuredPhotoEncoder(sp.GetRequiredService<VipsPhotoEncoder>(), sp.GetRequiredService<IMeterFactory>()));
        builder.Services.AddSingleton<PhotoPipeline>();
        return builder;
    }
}
