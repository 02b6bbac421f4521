using System.Globalization;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Catalog;

/// <summary>Dates and times as pages show them, in both languages: "14/03/2027", and "08:30 14/03/2027" in Vietnam time.</summary>
public static class DateText
{
    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => at.ToOffset(VietnamCalendar.Offset).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
