namespace Nodal.Core.Relations;

// The international relations registry: city diplomacy with the outside (paper: *Modalidades de
// implementación*) — counterparts, agreements and their life, network memberships, alliances,
// cooperation projects, missions and events.

/// <summary>What kind of party a counterpart is.</summary>
public enum CounterpartKind
{
    /// <summary>A city or municipality (placed from the gazetteer).</summary>
    City = 1,
    /// <summary>Another local or regional government: province, region, metropolitan body, state.</summary>
    LocalGovernment = 2,
    /// <summary>A city network (Metropolis, UCLG, ICLEI…), usually from the reference list.</summary>
    CityNetwork = 3,
    InternationalOrganization = 4,
    CooperationAgency = 5,
    EmbassyOrConsulate = 6,
    Foundation = 7,
    Company = 8,
    UniversityOrResearch = 9,
    Other = 99,
}

/// <summary>
/// A party the government relates with: another city, a network, an international organization, an
/// agency, a consulate, a foundation, a company. Cities carry a place (country, coordinates) picked from
/// the gazetteer; networks may point to the reference list of city networks.
/// </summary>
public class Counterpart : TenantEntity
{
    /// <summary>A short code unique in the organization (e.g. CP-0012); spreadsheets match on it.</summary>
    public string Code { get; set; } = "";
    public CounterpartKind Kind { get; set; }
    /// <summary>The name as the counterpart writes it (proper names are not translated).</summary>
    public string Name { get; set; } = "";
    public string? Acronym { get; set; }
    /// <summary>ISO 3166-1 alpha-2 (headquarters for organizations).</summary>
    public string? Country { get; set; }
    /// <summary>The state, province or region within the country.</summary>
    public string? Region { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public long? Population { get; set; }
    /// <summary>The GeoNames id of the gazetteer city it was picked from.</summary>
    public int? GazetteerId { get; set; }
    /// <summary>The code of the reference city network (<c>CityNetworks</c>), for networks.</summary>
    public string? NetworkCode { get; set; }
    public string? Website { get; set; }
    public LocalizedText Notes { get; set; } = new();

    public override string Describe(string language) => Country is null ? Name : $"{Name} ({Country})";
}

/// <summary>A person at a counterpart. Visible only to roles that work with contacts.</summary>
public class Contact : TenantEntity
{
    public Guid CounterpartId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Their position (e.g. Director of International Relations).</summary>
    public string? Position { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Notes { get; set; }

    public override string Describe(string language) => Name;
}

public enum AgreementKind
{
    /// <summary>Twinning (<i>hermanamiento</i>), sister cities.</summary>
    Twinning = 1,
    Friendship = 2,
    MemorandumOfUnderstanding = 3,
    Cooperation = 4,
    Other = 9,
}

/// <summary>The life cycle of an agreement.</summary>
public enum AgreementStatus
{
    Draft = 1,
    LegalReview = 2,
    Approved = 3,
    Signed = 4,
    Active = 5,
    Expired = 6,
    Terminated = 7,
    /// <summary>Replaced by a renewal (a new agreement whose <see cref="Agreement.RenewsId"/> points here).</summary>
    Renewed = 8,
}

public enum RenewalTerms
{
    /// <summary>Ends at expiry unless a new agreement is signed.</summary>
    None = 0,
    /// <summary>Renews itself unless a party gives notice.</summary>
    Automatic = 1,
    /// <summary>May be renewed by agreement of the parties.</summary>
    ByAgreement = 2,
}

/// <summary>
/// A twinning, friendship, memorandum or cooperation agreement between the organization and one or more
/// counterparts. Its life is recorded in the activity ledger; an active agreement with no activity for
/// the organization's dormancy period is flagged as at risk of being merely symbolic.
/// </summary>
public class Agreement : TenantEntity
{
    /// <summary>A short code unique in the organization (e.g. AG-007); spreadsheets match on it.</summary>
    public string Code { get; set; } = "";
    public AgreementKind Kind { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>The other parties (counterparts); the organization itself is always a party.</summary>
    public List<Guid> PartyIds { get; set; } = [];
    /// <summary>Subject areas, free words such as "mobility", "culture".</summary>
    public List<string> Subjects { get; set; } = [];
    public AgreementStatus Status { get; set; } = AgreementStatus.Draft;
    public DateOnly? SignedOn { get; set; }
    /// <summary>Who signed, one per line (name and office).</summary>
    public string? Signatories { get; set; }
    public DateOnly? EffectiveFrom { get; set; }
    /// <summary>Null for an agreement without end date.</summary>
    public DateOnly? ExpiresOn { get; set; }
    public RenewalTerms Renewal { get; set; }
    public LocalizedText RenewalNotes { get; set; } = new();
    /// <summary>What the parties committed to.</summary>
    public LocalizedText Commitments { get; set; } = new();
    public LocalizedText Summary { get; set; } = new();
    /// <summary>The department that follows the agreement.</summary>
    public Guid? LeadDepartmentId { get; set; }
    /// <summary>The agreement this one renews.</summary>
    public Guid? RenewsId { get; set; }
    public DateOnly? EndedOn { get; set; }

    public override string Describe(string language) => $"{Code} — {Title.Get(language)}";
}

/// <summary>A file attached to an agreement (signed text, annex). The bytes live outside the web root.</summary>
public class AgreementDocument : TenantEntity
{
    public Guid AgreementId { get; set; }
    public string FileName { get; set; } = "";
    /// <summary>application/pdf or the DOCX type, as sniffed from the content.</summary>
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>SHA-256 of the content, hex; also the storage key.</summary>
    public string Sha256 { get; set; } = "";
    public string? Title { get; set; }

    public override string Describe(string language) => FileName;
}

public enum LedgerKind
{
    Exchange = 1,
    Visit = 2,
    Meeting = 3,
    Communication = 4,
    Event = 5,
    Other = 9,
}

/// <summary>
/// Something done under an agreement, written in its ledger by hand. Linked actions, missions and
/// projects appear in the ledger too, read from their own records.
/// </summary>
public class LedgerEntry : TenantEntity
{
    public Guid AgreementId { get; set; }
    public DateOnly On { get; set; }
    public LedgerKind Kind { get; set; }
    public LocalizedText Summary { get; set; } = new();

    public override string Describe(string language) => $"{On:yyyy-MM-dd} {Summary.Get(language)}";
}

/// <summary>The organization's membership of a city network.</summary>
public class NetworkMembership : TenantEntity
{
    /// <summary>The network, a counterpart of kind <see cref="CounterpartKind.CityNetwork"/>.</summary>
    public Guid NetworkId { get; set; }
    public DateOnly? Since { get; set; }
    public DateOnly? Until { get; set; }
    public decimal? AnnualFee { get; set; }
    public string Currency { get; set; } = "EUR";
    public List<string> WorkingGroups { get; set; } = [];
    public LocalizedText Commitments { get; set; } = new();
    public Guid? LeadDepartmentId { get; set; }
    public LocalizedText Notes { get; set; } = new();

    public override string Describe(string language) => Since is null ? "membership" : $"membership since {Since:yyyy}";
}

public enum NetworkRole
{
    Member = 1,
    Board = 2,
    CoPresidency = 3,
    VicePresidency = 4,
    RegionalSecretariat = 5,
    ThematicLead = 6,
    Presidency = 7,
    Other = 9,
}

/// <summary>A role held in a network for a period (board seat, co-presidency…).</summary>
public class NetworkRoleHeld : TenantEntity
{
    public Guid MembershipId { get; set; }
    public NetworkRole Role { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    /// <summary>E.g. the working group led, or who holds the seat.</summary>
    public string? Detail { get; set; }

    public override string Describe(string language) => $"{Role} {From:yyyy}";
}

/// <summary>A report or commitment due to a network (annual report, voluntary review).</summary>
public class MembershipReport : TenantEntity
{
    public Guid MembershipId { get; set; }
    public LocalizedText Title { get; set; } = new();
    public DateOnly Due { get; set; }
    public DateOnly? SubmittedOn { get; set; }

    public override string Describe(string language) => $"{Title.Get(language)} ({Due:yyyy-MM-dd})";
}

/// <summary>A city alliance around a common position or declaration (e.g. Cities for Adequate Housing, 2018).</summary>
public class Alliance : TenantEntity
{
    public LocalizedText Title { get; set; } = new();
    /// <summary>The declaration's text or its summary.</summary>
    public LocalizedText Declaration { get; set; } = new();
    public string? Url { get; set; }
    public DateOnly? AdheredOn { get; set; }
    public LocalizedText Commitments { get; set; } = new();
    /// <summary>Co-signatories registered as counterparts.</summary>
    public List<Guid> CoSignatoryIds { get; set; } = [];
    /// <summary>Other co-signatories by name.</summary>
    public List<string> OtherCoSignatories { get; set; } = [];
    /// <summary>The network that promotes it, if any.</summary>
    public Guid? PromoterId { get; set; }
    /// <summary>Actions that follow up on it.</summary>
    public List<Guid> FollowUpActionIds { get; set; } = [];

    public override string Describe(string language) => Title.Get(language);
}

/// <summary>Direct (decentralized), South-South or triangular cooperation.</summary>
public enum CooperationKind
{
    Decentralized = 1,
    SouthSouth = 2,
    Triangular = 3,
}

/// <summary>The organization's role in a project.</summary>
public enum ProjectRole
{
    Funder = 1,
    Implementer = 2,
    Partner = 3,
    Beneficiary = 4,
}

/// <summary>What kind of support the project gives (from money transfers towards capacity building).</summary>
public enum SupportKind
{
    FinancialTransfer = 1,
    TechnicalAssistance = 2,
    CapacityBuilding = 3,
    InstitutionalStrengthening = 4,
}

/// <summary>The IATI activity status codes (codelist ActivityStatus).</summary>
public enum ProjectStatus
{
    Pipeline = 1,
    Implementation = 2,
    Finalisation = 3,
    Closed = 4,
    Cancelled = 5,
    Suspended = 6,
}

/// <summary>A cooperation project, exportable as an IATI activity.</summary>
public class CooperationProject : TenantEntity
{
    /// <summary>A short code unique in the organization (e.g. PR-031); the IATI identifier ends with it.</summary>
    public string Code { get; set; } = "";
    /// <summary>Set when the project came from another publisher's IATI file: their identifier, kept as is.</summary>
    public string? IatiIdentifier { get; set; }
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public CooperationKind Kind { get; set; } = CooperationKind.Decentralized;
    public ProjectRole OurRole { get; set; } = ProjectRole.Funder;
    public List<SupportKind> Support { get; set; } = [];
    /// <summary>OECD DAC 5-digit purpose codes (IATI Sector vocabulary 1).</summary>
    public List<string> Sectors { get; set; } = [];
    /// <summary>ISO 3166-1 alpha-2 recipient countries.</summary>
    public List<string> Countries { get; set; } = [];
    /// <summary>UN M49 recipient regions.</summary>
    public List<string> Regions { get; set; } = [];
    public ProjectStatus Status { get; set; } = ProjectStatus.Pipeline;
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public DateOnly? ActualStart { get; set; }
    public DateOnly? ActualEnd { get; set; }
    /// <summary>The total budget, in <see cref="Currency"/>.</summary>
    public decimal? Budget { get; set; }
    public string Currency { get; set; } = "EUR";
    public LocalizedText Beneficiaries { get; set; } = new();
    public int? BeneficiaryCount { get; set; }
    public LocalizedText Results { get; set; } = new();
    /// <summary>Agreements the project is carried out under.</summary>
    public List<Guid> AgreementIds { get; set; } = [];
    public Guid? LeadDepartmentId { get; set; }

    public override string Describe(string language) => $"{Code} — {Title.Get(language)}";
}

/// <summary>The IATI organisation roles (codelist OrganisationRole).</summary>
public enum PartnerRole
{
    Funding = 1,
    Accountable = 2,
    Extending = 3,
    Implementing = 4,
}

/// <summary>An organization taking part in a project, with its IATI role.</summary>
public class ProjectPartner : TenantEntity
{
    public Guid ProjectId { get; set; }
    /// <summary>The counterpart, when registered; else only the name.</summary>
    public Guid? CounterpartId { get; set; }
    public string Name { get; set; } = "";
    public PartnerRole Role { get; set; }
    /// <summary>The IATI organisation identifier, when known (e.g. XM-DAC-41114).</summary>
    public string? IatiRef { get; set; }
    /// <summary>IATI OrganisationType code (e.g. 11 local government, 40 multilateral).</summary>
    public int? IatiType { get; set; }

    public override string Describe(string language) => Name;
}

/// <summary>The IATI transaction type codes used by cooperation projects (codelist TransactionType).</summary>
public enum TransactionKind
{
    IncomingFunds = 1,
    Commitment = 2,
    Disbursement = 3,
    Expenditure = 4,
    IncomingCommitment = 11,
}

/// <summary>A money movement of a project.</summary>
public class ProjectTransaction : TenantEntity
{
    public Guid ProjectId { get; set; }
    public TransactionKind Kind { get; set; }
    public DateOnly On { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "EUR";
    public string? Description { get; set; }
    public string? ProviderName { get; set; }
    public string? ReceiverName { get; set; }

    public override string Describe(string language) => $"{On:yyyy-MM-dd} {Kind} {Amount} {Currency}";
}

public enum MissionKind
{
    /// <summary>A delegation of ours travels abroad.</summary>
    OutboundMission = 1,
    /// <summary>A foreign delegation visits us.</summary>
    InboundVisit = 2,
    /// <summary>An international event held in our territory (hosted or captured).</summary>
    HostedEvent = 3,
    /// <summary>An international event abroad that we attend.</summary>
    AttendedEvent = 4,
}

public enum EventKind
{
    Fair = 1,
    Congress = 2,
    Summit = 3,
    Sports = 4,
    Cultural = 5,
    Other = 9,
}

public enum MissionStatus
{
    Planned = 1,
    Done = 2,
    Cancelled = 3,
}

/// <summary>An outbound mission, an inbound visit, or an international event hosted or attended.</summary>
public class Mission : TenantEntity
{
    public MissionKind Kind { get; set; }
    /// <summary>For events: fair, congress, summit…</summary>
    public EventKind? EventKind { get; set; }
    public LocalizedText Title { get; set; } = new();
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public MissionStatus Status { get; set; } = MissionStatus.Planned;
    /// <summary>Where it takes place: a city name, its ISO country and coordinates (from the gazetteer).</summary>
    public string? City { get; set; }
    public string? Country { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>Counterparts met, visiting or organizing.</summary>
    public List<Guid> CounterpartIds { get; set; } = [];
    /// <summary>The agreement it was carried out under; it then appears in that agreement's ledger.</summary>
    public Guid? AgreementId { get; set; }
    /// <summary>The people of the delegation, one per entry (name and office).</summary>
    public List<string> Delegation { get; set; } = [];
    public LocalizedText Agenda { get; set; } = new();
    public LocalizedText Outcomes { get; set; } = new();
    public List<Guid> FollowUpActionIds { get; set; } = [];
    public Guid? LeadDepartmentId { get; set; }
    /// <summary>Events: people attending.</summary>
    public int? Attendance { get; set; }
    /// <summary>Events: the estimated economic impact on the territory.</summary>
    public decimal? EconomicImpact { get; set; }
    public string? Currency { get; set; }

    public override string Describe(string language) => $"{Title.Get(language)} ({Start:yyyy-MM-dd})";
}
