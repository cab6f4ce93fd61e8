using FluentValidation;
using FluentValidation.Results;
using Nodal.Core.Relations;

namespace Nodal.Web.Features.Missions;

/// <summary>What a user sends to create or change a mission, a visit or an event (form and API alike).</summary>
public sealed class MissionInput
{
    public MissionKind? Kind { get; set; }
    /// <summary>Only for events (hosted or attended): fair, congress, summit…</summary>
    public EventKind? EventKind { get; set; }
    public LocalizedText Title { get; set; } = new();
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public MissionStatus? Status { get; set; }
    public string? City { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; set; }
    /// <summary>Left empty with a city and a country, they are taken from the gazetteer when the place is unambiguous.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public List<Guid> CounterpartIds { get; set; } = [];
    public Guid? AgreementId { get; set; }
    /// <summary>One person per entry (name and office).</summary>
    public List<string> Delegation { get; set; } = [];
    public LocalizedText Agenda { get; set; } = new();
    public LocalizedText Outcomes { get; set; } = new();
    public List<Guid> FollowUpActionIds { get; set; } = [];
    public Guid? LeadDepartmentId { get; set; }
    /// <summary>Events: people attending.</summary>
    public int? Attendance { get; set; }
    /// <summary>Events: estimated economic impact on the territory.</summary>
    public decimal? EconomicImpact { get; set; }
    /// <summary>ISO 4217; the organization's currency when empty.</summary>
    public string? Currency { get; set; }
    /// <summary>The version the user saw; required to change an existing mission.</summary>
    public long? Version { get; set; }

    public static MissionInput From(Mission m) => new()
    {
        Kind = m.Kind, EventKind = m.EventKind,
        Title = new LocalizedText(m.Title.Es, m.Title.En, m.Title.Fr),
        Start = m.Start, End = m.End, Status = m.Status,
        City = m.City, Country = m.Country, Latitude = m.Latitude, Longitude = m.Longitude,
        CounterpartIds = [.. m.CounterpartIds], AgreementId = m.AgreementId, Delegation = [.. m.Delegation],
        Agenda = new LocalizedText(m.Agenda.Es, m.Agenda.En, m.Agenda.Fr),
        Outcomes = new LocalizedText(m.Outcomes.Es, m.Outcomes.En, m.Outcomes.Fr),
        FollowUpActionIds = [.. m.FollowUpActionIds], LeadDepartmentId = m.LeadDepartmentId,
        Attendance = m.Attendance, EconomicImpact = m.EconomicImpact, Currency = m.Currency, Version = m.Version,
    };

    public void Compact()
    {
        City = string.IsNullOrWhiteSpace(City) ? null : City.Trim();
        Country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant();
        Currency = string.IsNullOrWhiteSpace(Currency) ? null : Currency.Trim().ToUpperInvariant();
        Delegation = ListText.Split(Delegation, ListText.Names);
        CounterpartIds = CounterpartIds.Where(id => id != Guid.Empty).Distinct().ToList();
        FollowUpActionIds = FollowUpActionIds.Where(id => id != Guid.Empty).Distinct().ToList();
        if (AgreementId == Guid.Empty) AgreementId = null;
        if (LeadDepartmentId == Guid.Empty) LeadDepartmentId = null;
    }

    public static bool IsEvent(MissionKind? kind) => kind is MissionKind.HostedEvent or MissionKind.AttendedEvent;
}

public sealed class MissionValidator : AbstractValidator<MissionInput>
{
    public MissionValidator(IStringLocalizer L, string defaultLanguage, bool requireVersion)
    {
        RuleFor(x => x.Kind).NotNull().WithMessage(L["Choose whether it is a mission, a visit or an event."])
            .IsInEnum().WithMessage(L["Choose whether it is a mission, a visit or an event."]);
        RuleFor(x => x.EventKind).NotNull().When(x => MissionInput.IsEvent(x.Kind)).WithMessage(L["Choose the kind of event."]);
        RuleFor(x => x.EventKind).IsInEnum().When(x => x.EventKind is not null).WithMessage(L["Choose the kind of event."]);
        RuleFor(x => x.EventKind).Null().When(x => x.Kind is not null && !MissionInput.IsEvent(x.Kind))
            .WithMessage(L["Only an event has a kind of event; leave it empty for a mission or a visit."]);
        RuleFor(x => x.Title[defaultLanguage]).NotEmpty().OverridePropertyName($"Title.{Pascal(defaultLanguage)}")
            .WithMessage(L["Enter the title in {0}, the organization's main language.", Languages.NativeName(defaultLanguage)]);
        foreach (var lang in LocalizedText.Languages)
        {
            RuleFor(x => x.Title[lang]).MaximumLength(300).OverridePropertyName($"Title.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 300]);
            RuleFor(x => x.Agenda[lang]).MaximumLength(4000).OverridePropertyName($"Agenda.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 4000]);
            RuleFor(x => x.Outcomes[lang]).MaximumLength(4000).OverridePropertyName($"Outcomes.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 4000]);
        }
        RuleFor(x => x.Start).NotNull().WithMessage(L["Enter the start date."]);
        RuleFor(x => x.End).NotNull().WithMessage(L["Enter the end date."])
            .Must((x, end) => end is null || x.Start is null || end >= x.Start).WithMessage(L["The end cannot come before the start."]);
        RuleFor(x => x.Status).NotNull().WithMessage(L["Choose the status."]).IsInEnum().WithMessage(L["Choose the status."]);
        RuleFor(x => x.City).MaximumLength(200).WithMessage(L["Use at most {0} characters.", 200]);
        RuleFor(x => x.Country).Must(c => c is null || Nodal.Web.Features.Organizations.Countries.Exists(c))
            .WithMessage((_, c) => L["{0} is not an ISO 3166 country code.", c ?? ""]);
        RuleFor(x => x.Latitude).InclusiveBetween(-90, 90).WithMessage(L["Enter a latitude between -90 and 90."]);
        RuleFor(x => x.Longitude).InclusiveBetween(-180, 180).WithMessage(L["Enter a longitude between -180 and 180."]);
        RuleFor(x => x.Longitude).NotNull().When(x => x.Latitude is not null).WithMessage(L["Enter both coordinates, or neither."]);
        RuleFor(x => x.Latitude).NotNull().When(x => x.Longitude is not null).WithMessage(L["Enter both coordinates, or neither."]);
        RuleFor(x => x.Delegation.Count).LessThanOrEqualTo(100).OverridePropertyName(nameof(MissionInput.Delegation)).WithMessage(L["Use at most {0} entries.", 100]);
        RuleForEach(x => x.Delegation).MaximumLength(200).WithMessage(L["Use at most {0} characters.", 200]);
        RuleFor(x => x.Attendance).GreaterThanOrEqualTo(0).WithMessage(L["Enter a number of zero or more."]);
        RuleFor(x => x.EconomicImpact).GreaterThanOrEqualTo(0).WithMessage(L["Enter an amount of zero or more."]);
        RuleFor(x => x.Currency).Must(c => c is null || Nodal.Web.Features.Organizations.Currencies.All.Contains(c))
            .WithMessage(L["Enter an ISO 4217 currency code, such as EUR."]);
        if (requireVersion)
            RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }

    private static string Pascal(string lang) => char.ToUpperInvariant(lang[0]) + lang[1..];
}

public sealed record MissionDto(
    Guid Id, MissionKind Kind, EventKind? EventKind, LocalizedText Title, DateOnly Start, DateOnly End, MissionStatus Status,
    string? City, string? Country, double? Latitude, double? Longitude, IReadOnlyList<Guid> CounterpartIds, Guid? AgreementId,
    IReadOnlyList<string> Delegation, LocalizedText Agenda, LocalizedText Outcomes, IReadOnlyList<Guid> FollowUpActionIds,
    Guid? LeadDepartmentId, int? Attendance, decimal? EconomicImpact, string? Currency, long Version)
{
    public static MissionDto From(Mission m) => new(m.Id, m.Kind, m.EventKind, m.Title, m.Start, m.End, m.Status, m.City, m.Country,
        m.Latitude, m.Longitude, m.CounterpartIds, m.AgreementId, m.Delegation, m.Agenda, m.Outcomes, m.FollowUpActionIds,
        m.LeadDepartmentId, m.Attendance, m.EconomicImpact, m.Currency, m.Version);
}

/// <summary>The missions feature's validation and writes, shared by its pages and its API.</summary>
public sealed class MissionService(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Relations managers change every mission; a focal point logs those their own department leads.</summary>
    public bool CanEdit(Mission m) => CanLead(m.LeadDepartmentId);

    /// <summary>Whether the user may create or keep a mission led by this department (none: managers only).</summary>
    public bool CanLead(Guid? departmentId) =>
        tenant.Can(Capability.ManageRelations)
        || (tenant.Can(Capability.LogRelations) && departmentId is { } d && tenant.CanEditDepartment(d));

    public Task<Mission?> FindAsync(Guid id, CancellationToken ct) => db.Missions.FirstOrDefaultAsync(m => m.Id == id, ct);

    public async Task<ValidationResult> ValidateAsync(MissionInput input, Guid? existingId, CancellationToken ct)
    {
        input.Compact();
        var result = await new MissionValidator(L, tenant.DefaultLanguage, existingId is not null).ValidateAsync(input, ct);
        void Fail(string field, string message)
        {
            if (!result.Errors.Any(e => e.PropertyName == field)) result.Errors.Add(new ValidationFailure(field, message));
        }
        if (input.LeadDepartmentId is { } lead && !await db.Departments.AnyAsync(d => d.Id == lead, ct))
            Fail(nameof(MissionInput.LeadDepartmentId), L["This department does not exist."]);
        if (!tenant.Can(Capability.ManageRelations) && input.LeadDepartmentId is null)
            Fail(nameof(MissionInput.LeadDepartmentId), L["As a focal point, you log missions for your own department: choose it."]);
        if (input.AgreementId is { } ag && !await db.Agreements.AnyAsync(a => a.Id == ag, ct))
            Fail(nameof(MissionInput.AgreementId), L["This agreement does not exist."]);
        if (!await db.Counterparts.ContainsAllAsync(input.CounterpartIds, ct))
            Fail(nameof(MissionInput.CounterpartIds), L["One of these counterparts does not exist."]);
        if (!await db.Actions.ContainsAllAsync(input.FollowUpActionIds, ct))
            Fail(nameof(MissionInput.FollowUpActionIds), L["One of these actions does not exist."]);
        return result;
    }

    public async Task<Mission> CreateAsync(MissionInput input, CancellationToken ct)
    {
        var m = new Mission();
        Apply(m, input);
        db.Missions.Add(m);
        await db.SaveChangesAsync(ct);
        return m;
    }

    /// <summary>Saves over the version the user saw; throws DbUpdateConcurrencyException when it is stale.</summary>
    public async Task UpdateAsync(Mission m, MissionInput input, CancellationToken ct)
    {
        db.ExpectVersion(m, input.Version ?? m.Version);
        Apply(m, input);
        await db.SaveChangesAsync(ct);
    }

    public Task DeleteAsync(Mission m, long? version, CancellationToken ct) => db.RemoveAsync(m, version, ct);

    public Task<Mission?> ReloadAsync(Guid id, CancellationToken ct) => db.FreshAsync<Mission>(id, ct);

    private void Apply(Mission m, MissionInput input)
    {
        m.Kind = input.Kind!.Value;
        m.EventKind = MissionInput.IsEvent(m.Kind) ? input.EventKind : null;
        m.Title = input.Title.Trimmed();
        m.Start = input.Start!.Value;
        m.End = input.End!.Value;
        m.Status = input.Status!.Value;
        m.City = input.City;
        m.Country = input.Country;
        m.Latitude = input.Latitude;
        m.Longitude = input.Longitude;
        // A place named by city and country, without coordinates: take them from the gazetteer when it knows one such city only.
        if (m.Latitude is null && m.Longitude is null && m.City is { } city && m.Country is { } country)
        {
            var match = Gazetteer.Match(city, country);
            if (match.Kind == Gazetteer.MatchKind.Unique)
            {
                m.Latitude = match.Candidates[0].Latitude;
                m.Longitude = match.Candidates[0].Longitude;
            }
        }
        m.CounterpartIds = [.. input.CounterpartIds];
        m.AgreementId = input.AgreementId;
        m.Delegation = [.. input.Delegation];
        m.Agenda = input.Agenda.Trimmed();
        m.Outcomes = input.Outcomes.Trimmed();
        m.FollowUpActionIds = [.. input.FollowUpActionIds];
        m.LeadDepartmentId = input.LeadDepartmentId;
        m.Attendance = input.Attendance;
        m.EconomicImpact = input.EconomicImpact;
        m.Currency = input.EconomicImpact is null ? input.Currency : input.Currency ?? tenant.Currency;
    }
}
