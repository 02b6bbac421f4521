using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace RuralMarket.Grains.Serialization;

public static class DomainSerialization
{
    private const string DomainNamespace = "RuralMarket.Domain";

    /// <summary>
    /// The domain's value types (listings, money, addresses, order lines) cross grain calls as JSON, through their own
    /// validating constructors, so the domain needs no Orleans attributes. Domain errors have surrogates of their own
    /// (<see cref="DomainExceptionConverter"/> and its neighbours) so a refusal arrives as the same type with the same code.
    /// </summary>
    public static ISerializerBuilder AddDomainTypes(this ISerializerBuilder serializer) =>
        serializer.AddJsonSerializer(IsDomainValue, new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            Converters = { new PhotoVariantsJsonConverter() },
        });

    private static bool IsDomainValue(Type type) =>
        type.Namespace?.StartsWith(DomainNamespace, StringComparison.Ordinal) == true && !typeof(Exception).IsAssignableFrom(type);
}
