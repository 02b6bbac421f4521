using System.Text;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Orders;

/// <summary>Who receives the parcel. The phone number is stored in the national form (0xxxxxxxxx).</summary>
public sealed record BuyerContact
{
    public BuyerContact(string name, string phone, string? email)
    {
        Name = DomainText.Require(name, "buyer.name", 100);
        Phone = VietnamesePhone.Normalize(phone);
        Email = DomainText.Optional(email, "buyer.email", 254);
        if (Email.Length > 0 && (!Email.Contains('@', StringComparison.Ordinal) || Email.Any(char.IsWhiteSpace)))
        {
            throw new DomainException("buyer.email.invalid", "The e-mail address is not valid.");
        }
    }

    public string Name { get; }

    public string Phone { get; }

    public string Email { get; }
}

/// <summary>Vietnamese phone numbers: mobiles 03/05/07/08/09 + 8 digits, landlines 02 + 9 digits; +84 or 84 accepted.</summary>
public static class VietnamesePhone
{
    public static string Normalize(string? input)
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
                throw Invalid();
            }
        }
        var number = digits.ToString();
        if (number.StartsWith("84", StringComparison.Ordinal) && number.Length is 11 or 12)
        {
            number = "0" + number[2..];
        }
        var mobile = number.Length == 10 && number[0] == '0' && "35789".Contains(number[1], StringComparison.Ordinal);
        var landline = number.Length == 11 && number.StartsWith("02", StringComparison.Ordinal);
        return mobile || landline ? number : throw Invalid();
    }

    private static DomainException Invalid() =>
        new("buyer.phone.invalid", "Not a Vietnamese phone number (e.g. 0912 345 678 or +84 912 345 678).");
}
