using System.Globalization;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Portal;

/// <summary>
/// What is wrong with a posted portal form, field by field, as resource keys: the domain's rule codes become the
/// message shown beside the field they are about, and typed numbers, dates and choices are read here so that "abc"
/// is answered beside its field instead of silently becoming 0. A form with any error changes nothing.
/// </summary>
public sealed class FormErrors
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];

    private readonly Dictionary<string, string> _byField = new(StringComparer.Ordinal);

    public bool IsEmpty => _byField.Count == 0;

    /// <summary>Every error as (field, resource key), for forms read from somewhere other than a page (a CSV row).</summary>
    public IEnumerable<(string Field, string Key)> All => _byField.Select(e => (e.Key, e.Value));

    /// <summary>The resource key of the field's error, or null.</summary>
    public string? this[string field] => _byField.GetValueOrDefault(field);

    public void Add(string field, string resourceKey) => _byField.TryAdd(field, resourceKey);

    /// <summary>Records a broken domain rule against the field.</summary>
    public void Add(string field, DomainException error) => Add(field, KeyOf(error.Code));

    /// <summary>
    /// Records a broken rule against the field its code is about, by the longest mapped prefix (<c>household.phone.invalid</c>
    /// → the field mapped from <c>household.phone</c>); a rule about no field in the map is shown above the form (field "").
    /// </summary>
    public void Add(DomainException error, IReadOnlyDictionary<string, string> fieldOfCode)
    {
        var field = fieldOfCode.Where(p => error.Code == p.Key || error.Code.StartsWith(p.Key + ".", StringComparison.Ordinal))
            .OrderByDescending(p => p.Key.Length).Select(p => p.Value).FirstOrDefault() ?? string.Empty;
        Add(field, error);
    }

    /// <summary>Builds a domain value; a broken rule is recorded against the field its code is about, and gives the default.</summary>
    public T? Capture<T>(Func<T> build, IReadOnlyDictionary<string, string> fieldOfCode)
    {
        try
        {
            return build();
        }
        catch (DomainException error)
        {
            Add(error, fieldOfCode);
            return default;
        }
    }

    /// <summary>An enum member by name only: "3" would otherwise parse as the fourth member.</summary>
    public T? Named<T>(string? value, string field) where T : struct, Enum
    {
        if (value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal))
        {
            return Enum.Parse<T>(value);
        }
        Add(field, "form.error.choose");
        return null;
    }

    public int? WholeNumber(string? value, string field)
    {
        if (int.TryParse(value?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        Add(field, string.IsNullOrWhiteSpace(value) ? "form.error.required" : "form.error.whole_number");
        return null;
    }

    public DateOnly? Date(string? value, string field)
    {
        if (DateOnly.TryParseExact(value?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Add(field, string.IsNullOrWhiteSpace(value) ? "form.error.required" : "form.error.date");
        return null;
    }

    /// <summary>
    /// Text rules (<c>*.required</c>, <c>*.too_long</c>, <c>*.invalid_text</c>) read the same for every field;
    /// any other rule has its own message under <c>error.{code}</c>.
    /// </summary>
    public static string KeyOf(string code) => code switch
    {
        _ when code.EndsWith(".required", StringComparison.Ordinal) => "form.error.required",
        _ when code.EndsWith(".too_long", StringComparison.Ordinal) => "form.error.too_long",
        _ when code.EndsWith(".invalid_text", StringComparison.Ordinal) => "form.error.invalid_text",
        _ => $"error.{code}",
    };
}
