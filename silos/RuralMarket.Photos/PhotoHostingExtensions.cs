using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RuralMarket.Photos.Vips;

namespace RuralMarket.Photos;

public static class PhotoHostingExtensions
{
    /// <summary>The photo pipeline with libvips as its encoder.</summary>
    public static IHostApplicationBuilder AddPhotos(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IPhotoEncoder, VipsPhotoEncoder>();
        builder.Services.AddSingleton<PhotoPipeline>();
        return builder;
    }
}
