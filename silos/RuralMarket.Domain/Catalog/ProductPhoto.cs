namespace RuralMarket.Domain.Catalog;

/// <summary>A photo of a product, by its processed variants in media storage. Position 0 is the cover.</summary>
public sealed record ProductPhoto
{
    public ProductPhoto(PhotoVariants variants, int position)
    {
        PhotoId = variants.PhotoId;
        Width = variants.Width;
        Height = variants.Height;
        Position = position;
    }

    private ProductPhoto()
    {
    }

    public Guid PhotoId { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public int Position { get; private set; }

    public PhotoVariants Variants => new(PhotoId, Width, Height);
}
