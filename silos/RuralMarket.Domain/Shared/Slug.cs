using System.Text;

namespace RuralMarket.Domain.Shared;

/// <summary>URL slugs from Vietnamese names: "Miến dong Vi Hương" → "mien-dong-vi-huong".</summary>
public static class Slug
{
    public const int MaxLength = 120;

    public static string FromName(string name)
    {
        var folded = VietnameseText.Fold(name);
        var builder = new StringBuilder(folded.Length);
        var lastWasDash = true;
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
                lastWasDash = false;
            }
            else if (!lastWasDash)
            {
                builder.Append('-');
                lastWasDash = true;
            }
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength].TrimEnd('-');
        }
        return slug.Length == 0
            ? throw new DomainException("slug.empty", $"'{name}' gives no usable URL slug.")
            : slug;
    }

    public static string Require(string slug)
    {
        var valid = slug.Length is > 0 and <= MaxLength
            && slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
            && !slug.StartsWith('-') && !slug.EndsWith('-');
        return valid ? slug : throw new DomainException("slug.invalid", $"'{slug}' is not a valid slug.");
    }
}
