using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Orders;
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
        Slug = Name = RegistrationNumber = Story = RejectionReason = ContactPhone = ContactEmail = string.Empty;
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
        RejectionReason = ContactPhone = ContactEmail = string.Empty;
        RegisteredAt = now;
        Verification = VerificationStatus.Pending;
    }

    public string Slug { get; private set; }

    public string Name { get; private set; }

    public string RegistrationNumber { get; private set; }

    public Address Address { get; private set; }

    /// <summary>Markdown told by the cooperative; rendered safely by the web layer.</summary>
    public string Story { get; private set; }

    /// <summary>How buyers and carriers reach the cooperative (national form); empty until the profile is filled in.</summary>
    public string ContactPhone { get; private set; }

    public string ContactEmail { get; private set; }

    /// <summary>Where takings are paid; null until the manager gives it.</summary>
    public PayoutAccount? Payout { get; private set; }

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

    public Household ReviseHousehold(Guid householdId, string headName, string village, string produces, string? phone, DateTimeOffset now)
    {
        var household = HouseholdOrThrow(householdId);
        household.Revise(headName, village, produces, phone);
        Changed(now);
        return household;
    }

    /// <summary>A household that leaves stays on record: past sales and shares still name it.</summary>
    public void DeactivateHousehold(Guid householdId, DateTimeOffset now)
    {
        HouseholdOrThrow(householdId).Deactivate();
        Changed(now);
    }

    public void ReactivateHousehold(Guid householdId, DateTimeOffset now)
    {
        HouseholdOrThrow(householdId).Reactivate();
        Changed(now);
    }

    /// <summary>Producers of a product must be this cooperative's active members.</summary>
    public void RequireActiveMembers(IEnumerable<Guid> householdIds)
    {
        if (householdIds.Any(id => !HasActiveHousehold(id)))
        {
            throw new DomainException("product.producer_not_member", $"A producing household is not an active member of cooperative {Id}.");
        }
    }

    private Household HouseholdOrThrow(Guid householdId) =>
        _households.SingleOrDefault(h => h.Id == householdId)
        ?? throw new DomainException("household.not_found", $"Household {householdId} is not a member of {Id}.");

    public bool HasActiveHousehold(Guid householdId) => _households.Any(h => h.Id == householdId && h.IsActive);

    /// <summary>
    /// The profile as a whole, checked before anything changes. The name and registration number are what the platform
    /// verified, so once verified they stay as they are: changing them is a new verification, done by the platform.
    /// </summary>
    public void ReviseProfile(string name, string registrationNumber, Address address, string contactPhone, string? contactEmail, DateTimeOffset now)
    {
        var newName = DomainText.Require(name, "cooperative.name", 200);
        var newNumber = DomainText.Require(registrationNumber, "cooperative.registration_number", 50);
        if (Verification == VerificationStatus.Verified && (newName != Name || newNumber != RegistrationNumber))
        {
            throw new DomainException("cooperative.identity_locked", $"Cooperative {Id} is verified; its name and registration number no longer change here.");
        }
        var phone = VietnamesePhone.Normalize(DomainText.Require(contactPhone, "cooperative.phone", 20), "cooperative.phone");
        var email = DomainText.OptionalEmail(contactEmail, "cooperative.email");
        (Name, RegistrationNumber, Address, ContactPhone, ContactEmail) = (newName, newNumber, address, phone, email);
        Changed(now);
    }

    public void PayInto(PayoutAccount account, DateTimeOffset now)
    {
        Payout = account;
        Changed(now);
    }

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
