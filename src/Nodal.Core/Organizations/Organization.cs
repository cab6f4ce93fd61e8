namespace Nodal.Core.Organizations;

public enum OrganizationKind
{
    Municipality = 1,
    MetropolitanBody = 2,
    Province = 3,
    Region = 4,
    FederatedState = 5,
    AssociationOfGovernments = 6,
    Other = 99,
}

/// <summary>A government using Nodal: the tenant every other record belongs to.</summary>
public class Organization : ISoftDeletable, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The organization's segment in every URL: /{slug}/…</summary>
    public string Slug { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public OrganizationKind Kind { get; set; } = OrganizationKind.Municipality;
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; set; } = "";
    public long? Population { get; set; }
    /// <summary>Comma-separated ISO 639-1 codes among es, en, fr.</summary>
    public string WorkingLanguages { get; set; } = "es,en,fr";
    public string DefaultLanguage { get; set; } = "es";
    /// <summary>ISO 4217 currency the office budgets in by default.</summary>
    public string Currency { get; set; } = "EUR";
    public string? Website { get; set; }
    /// <summary>An active agreement with no activity for this many months is flagged as merely symbolic.</summary>
    public int DormancyMonths { get; set; } = 24;
    /// <summary>The organisation identifier used in IATI files (e.g. ES-DIR3-L01280796); null until set.</summary>
    public string? IatiOrganisationId { get; set; }
    /// <summary>The secret in the URL of the organization's iCalendar feed; null until a feed is made.</summary>
    [NotAudited] public string? CalendarFeedSecret { get; set; }
    public long Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }

    public IReadOnlyList<string> Languages =>
        WorkingLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string DisplayName(string language) => Name.Get(language, DefaultLanguage);
}

/// <summary>A department (secretariat, directorate) of the government: mobility, environment, culture…</summary>
public class Department : TenantEntity
{
    public LocalizedText Name { get; set; } = new();
    /// <summary>A short code unique in the organization (e.g. MOB); used by imports.</summary>
    public string Code { get; set; } = "";
    public string? Email { get; set; }

    public override string Describe(string language) => $"{Code} — {Name.Get(language)}";
}

/// <summary>A unit of the international relations office (ORI), e.g. a division for networks.</summary>
public class OfficeUnit : TenantEntity
{
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Mission { get; set; } = new();
    public int Staff { get; set; }
    public int SortOrder { get; set; }

    public override string Describe(string language) => Name.Get(language);
}

/// <summary>The office's capacity in one year: people and budget (Seoul: 40 people, 10 M USD).</summary>
public class OfficeYear : TenantEntity
{
    public int Year { get; set; }
    public int Staff { get; set; }
    public decimal Budget { get; set; }
    /// <summary>ISO 4217.</summary>
    public string Currency { get; set; } = "EUR";
    public string? Notes { get; set; }

    public override string Describe(string language) => Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A user's place in an organization: role and, for focal points, their department.</summary>
public class Membership : TenantEntity
{
    public Guid UserId { get; set; }
    public OrgRole Role { get; set; }
    public Guid? DepartmentId { get; set; }
    /// <summary>The person's email, set by whoever loads or creates the membership, so the history names them (not stored).</summary>
    [System.ComponentModel.DataAnnotations.Schema.NotMapped] public string? Person { get; set; }

    public override string Describe(string language) => $"{Person ?? UserId.ToString()} ({Role})";
}

/// <summary>A personal access token for the API, bound to one user in one organization.</summary>
public class ApiToken : TenantEntity
{
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The first characters of the token, shown so people can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";
    /// <summary>SHA-256 of the token; the token itself is shown once and never stored.</summary>
    [NotAudited] public string Hash { get; set; } = "";
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public override string Describe(string language) => $"{Name} ({Prefix}…)";
}
