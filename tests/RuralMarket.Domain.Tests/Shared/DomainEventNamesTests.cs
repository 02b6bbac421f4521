using System.Runtime.CompilerServices;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Tests.Shared;

public class DomainEventNamesTests
{
    private static readonly Type[] EventTypes = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
        .ToArray();

    [Fact]
    public void Every_event_has_its_own_name_that_is_not_its_class_name()
    {
        Assert.NotEmpty(EventTypes);
        // The switch only looks at the type, so an uninitialised instance is enough to ask for the name.
        var names = EventTypes.ToDictionary(t => t, t => DomainEventNames.Of((IDomainEvent)RuntimeHelpers.GetUninitializedObject(t)));

        Assert.Equal(names.Count, names.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, pair => Assert.NotEqual(pair.Key.Name, pair.Value));
        Assert.All(names.Values, name => Assert.Matches("^[a-z]+\\.[a-z-]+$", name));
    }
}
