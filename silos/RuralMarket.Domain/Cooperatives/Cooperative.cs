using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Cooperatives;

public enum VerificationStatus
{
    Pending,
    Verified,
    Rejected,
}

/// <summary>A cooperative (hợp tác xã, HTX) and its member households.</summary>
public sealed class Cooperative : AggregateRoot
{
    public const int MaxStoryLength = 20_000;

    private readonly List<Household> _households = [];

    private Cooperative()
    {
        Slug = Name = RegistrationNumber = Story = RejectionReason = string.Empty;
        Address = null!;
    }

    private Cooperative(Guid id, string slug, string name, string registrationNumber, Address address, string story, DateTimeOffset now)
    {
        Id = id;
        Slug = Shared.Slug.Require(slug);
        Name = DomainText.Require(name, "cooperative.name", 200);
        RegistrationNumber = DomainText.Require(registrationNumber, "cooperative.registration_number", 50);
        Address = address;
        Story = DomainText.Optional(story, "cooperative.story", MaxStoryLength, multiline: true);
        RejectionReason = string.Empty;
        RegisteredAt = now;
        Verification = VerificationStatus.Pending;
    }

    public string Slug { get; private set; }

    public string Name { get; private set; }

    public string RegistrationNumber { get; private set; }

    public Address Address { get; private set; }

    /// <summary>Markdown told by the cooperative; rendered safely by the web layer.</summary>
    public string Story { get; private set; }

    public VerificationStatus Verification { get; private set; }

    public string RejectionReason { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public IReadOnlyList<Household> Households => _households;

    public static Cooperative Register(Guid id, string slug, string name, string registrationNumber, Address address, string story, DateTimeOffset now)
    {
        var cooperative = new Cooperative(id, slug, name, registrationNumber, address, story, now);
        cooperative.Raise(new CooperativeRegistered(id, now));
        return cooperative;
    }

    public Household AddHousehold(Guid householdId, string headName, string village, string produces, string? phone, DateTimeOffset now)
    {
        if (_households.Any(h => h.Id == householdId))
        {
            throw new DomainException("household.duplicate", $"Household {householdId} is already a member.");
        }
        var household = new Household(householdId, headName, village, produces, phone);
        _households.Add(household);
        Changed(now);
        return household;
    }

    public void DeactivateHousehold(Guid householdId, DateTimeOffset now)
    {
        var household = _households.SingleOrDefault(h => h.Id == householdId)
            ?? throw new DomainException("household.not_found", $"Household {householdId} is not a member of {Id}.");
        household.Deactivate();
        Changed(now);
    }

    public bool HasActiveHousehold(Guid householdId) => _households.Any(h => h.Id == householdId && h.IsActive);

    public void TellStory(string story, DateTimeOffset now)
    {
        Story = DomainText.Optional(story, "cooperative.story", MaxStoryLength, multiline: true);
        Changed(now);
    }

    public void Verify(DateTimeOffset now)
    {
        if (Verification == VerificationStatus.Verified)
        {
            throw new DomainException("cooperative.already_verified", $"Cooperative {Id} is already verified.");
        }
        Verification = VerificationStatus.Verified;
        RejectionReason = string.Empty;
        VerifiedAt = now;
        Raise(new CooperativeVerified(Id, now));
    }

    /// <summary>One CooperativeChanged per save is enough: it says "read me again", not what changed.</summary>
    private void Changed(DateTimeOffset now)
    {
        if (!PendingEvents.OfType<CooperativeChanged>().Any())
        {
            Raise(new CooperativeChanged(Id, now));
        }
    }

    public void Reject(string reason, DateTimeOffset now)
    {
        RejectionReason = DomainText.Require(reason, "cooperative.rejection_reason", 500);
        Verification = VerificationStatus.Rejected;
        VerifiedAt = null;
        Changed(now);
    }
}
