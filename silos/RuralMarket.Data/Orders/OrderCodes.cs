using System.Security.Cryptography;

namespace RuralMarket.Data.Orders;

/// <summary>Order codes buyers can read out on the phone (no I, L, O, U) and unguessable tracking tokens.</summary>
public static class OrderCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string NewCode() => "RM" + RandomNumberGenerator.GetString(Alphabet, 8);

    public static string NewTrackingToken() => Base64Url(RandomNumberGenerator.GetBytes(24));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
