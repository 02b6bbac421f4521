namespace RuralMarket.Data.Logistics;

/// <summary>
/// A carrier or post office network that takes parcels from cooperatives: a carrier with an API (<see cref="Carrier"/>
/// names its adapter), or one of the platform's own partners whose staff work in the partner portal.
/// </summary>
public sealed class PostalPartner
{
    /// <summary>The adapter of partners that use the partner portal and API instead of their own system.</summary>
    public const string PortalCarrier = "partner";

    private PostalPartner()
    {
        Name = Slug = Carrier = WebhookSecretHash = Phone = string.Empty;
    }

    public PostalPartner(Guid id, string name, string slug, string carrier, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        Slug = slug;
        Carrier = carrier;
        WebhookSecretHash = Phone = string.Empty;
        CreatedAt = createdAt;
        Active = true;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string Slug { get; private set; }

    public string Carrier { get; private set; }

    /// <summary>SHA-256 of the secret the carrier's webhooks carry; empty until an admin sets one.</summary>
    public string WebhookSecretHash { get; private set; }

    public bool Active { get; private set; }

    /// <summary>The number a buyer calls about a failed delivery (national form); empty when the partner gave none.</summary>
    public string Phone { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void SetPhone(string phone) => Phone = phone;

    public void SetWebhookSecretHash(string hash) => WebhookSecretHash = hash;

    public void SetActive(bool active) => Active = active;
}

/// <summary>That an account works for a postal partner (the partner portal's <c>Partner</c> role).</summary>
public sealed class PartnerAccess
{
    private PartnerAccess()
    {
    }

    public PartnerAccess(Guid accountId, Guid partnerId, DateTimeOffset grantedAt)
    {
        AccountId = accountId;
        PartnerId = partnerId;
        GrantedAt = grantedAt;
    }

    public long Id { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid PartnerId { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }
}

/// <summary>A partner system's key for <c>/api/v1/partner</c>: only its hash is kept; the key is shown once.</summary>
public sealed class PartnerApiKey
{
    private PartnerApiKey()
    {
        Prefix = Hash = Label = string.Empty;
    }

    public PartnerApiKey(Guid id, Guid partnerId, string prefix, string hash, string label, DateTimeOffset createdAt)
    {
        Id = id;
        PartnerId = partnerId;
        Prefix = prefix;
        Hash = hash;
        Label = label;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid PartnerId { get; private set; }

    /// <summary>The key's first characters, to tell keys apart on the admin page.</summary>
    public string Prefix { get; private set; }

    public string Hash { get; private set; }

    public string Label { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
