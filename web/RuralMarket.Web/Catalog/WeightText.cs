using System.Globalization;

namespace RuralMarket.Web.Catalog;

/// <summary>Net weight as Vietnamese shoppers read it: "500 g", "1 kg", "1,5 kg".</summary>
public static class WeightText
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Format(int grams) =>
        grams < 1000 ? $"{grams} g" : (grams / 1000m).ToString("0.###", Vietnamese) + " kg";
}
