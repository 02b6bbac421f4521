using System.Text;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Orders;

/// <summary>Who receives the parcel. The phone number is stored in the national form (0xxxxxxxxx).</summary>
public sealed record BuyerContact
{
    public BuyerContact(string name, string phone, string? email)
    {
        Name = NameOf(name);
        Phone = VietnamesePhone.Normalize(phone);
        Email = EmailOf(email);
    }

    /// <summary>Every rule these values break, not only the first: what the constructor would refuse.</summary>
    public static IReadOnlyList<DomainException> Problems(string name, string phone, string? email) =>
        DomainRules.Broken(() => NameOf(name), () => VietnamesePhone.Normalize(phone), () => EmailOf(email));

    private static string NameOf(string name) => DomainText.Require(name, "buyer.name", 100);

    private static string EmailOf(string? email) => DomainText.OptionalEmail(email, "buyer.email");

    public string Name { get; }

    public string Phone { get; }

    public string Email { get; }
}

/// <summary>Vietnamese phone numbers: mobiles 03/05/07/08/09 + 8 digits, landlines 02 + 9 digits; +84 or 84 accepted.</summary>
public static class VietnamesePhone
{
    /// <param name="field">Names the field in the error code (<c>{field}.invalid</c>), so the message lands beside it.</param>
    public static string Normalize(string? input, string field = "buyer.phone")
    {
        var digits = new StringBuilder();
        foreach (var c in input ?? string.Empty)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '.' or '-' or '(' or ')' or '+'))
            {
                throw Invalid(field);
            }
        }
        var number = digits.ToString();
        if (number.StartsWith("84", StringComparison.Ordinal) && number.Length is 11 or 12)
        {
            number = "0" + number[2..];
        }
        var mobile = number.Length == 10 && number[0] == '0' && "35789".Contains(number[1], StringComparison.Ordinal);
        var landline = number.Length == 11 && number.StartsWith("02", StringComparison.Ordinal);
        return mobile || landline ? number : throw Invalid(field);
    }

    private static DomainException Invalid(string field) =>
        new($"{field}.invalid", "Not a Vietnamese phone number (e.g. 0912 345 678 or +84 912 345 678).");
}
