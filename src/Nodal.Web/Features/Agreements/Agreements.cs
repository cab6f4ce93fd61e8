using FluentValidation;
using FluentValidation.Results;
using Nodal.Core.Relations;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Agreements;

/// <summary>What a user sends to create or change an agreement (form and API alike). The status moves through its own steps.</summary>
public sealed class AgreementInput
{
    /// <summary>Unique in the organization; generated (AG-0001…) when empty on creation.</summary>
    public string? Code { get; set; }
    public AgreementKind? Kind { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>The counterparts party to it (the organization itself is always a party).</summary>
    public List<Guid> PartyIds { get; set; } = [];
    public List<string> Subjects { get; set; } = [];
    /// <summary>On creation only, to register an agreement already signed or in force; later the status moves by its steps.</summary>
    public AgreementStatus? Status { get; set; }
    public DateOnly? SignedOn { get; set; }
    public string? Signatories { get; set; }
    public DateOnly? EffectiveFrom { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public RenewalTerms? Renewal { get; set; }
    public LocalizedText RenewalNotes { get; set; } = new();
    public LocalizedText Commitments { get; set; } = new();
    public LocalizedText Summary { get; set; } = new();
    public Guid? LeadDepartmentId { get; set; }
    /// <summary>The version the user saw; required to change an existing agreement.</summary>
    public long? Version { get; set; }

    public static AgreementInput From(Agreement a) => new()
    {
        Code = a.Code,
        Kind = a.Kind,
        Title = Copy(a.Title),
        PartyIds = [.. a.PartyIds],
        Subjects = [.. a.Subjects],
        Status = a.Status,
        SignedOn = a.SignedOn,
        Signatories = a.Signatories,
        EffectiveFrom = a.EffectiveFrom,
        ExpiresOn = a.ExpiresOn,
        Renewal = a.Renewal,
        RenewalNotes = Copy(a.RenewalNotes),
        Commitments = Copy(a.Commitments),
        Summary = Copy(a.Summary),
        LeadDepartmentId = a.LeadDepartmentId,
        Version = a.Version,
    };

    private static LocalizedText Copy(LocalizedText t) => new(t.Es, t.En, t.Fr);

    public void Compact()
    {
        PartyIds = PartyIds.Where(id => id != Guid.Empty).Distinct().ToList();
        Subjects = ListText.Split(Subjects, ListText.NamesOrCommas);
    }

    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();
}

public sealed class AgreementValidator : AbstractValidator<AgreementInput>
{
    public AgreementValidator(IStringLocalizer L, string defaultLanguage, bool requireVersion)
    {
        RuleFor(x => x.Code).MaximumLength(20).WithMessage(L["Use at most {0} characters.", 20])
            .Matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$").When(x => !string.IsNullOrWhiteSpace(x.Code))
            .WithMessage(L["Use only letters, digits, dots, hyphens and underscores."]);
        RuleFor(x => x.Kind).NotNull().WithMessage(L["Choose the kind of agreement."]).IsInEnum().WithMessage(L["Choose the kind of agreement."]);
        RuleFor(x => x.Title[defaultLanguage]).NotEmpty().OverridePropertyName($"Title.{Pascal(defaultLanguage)}")
            .WithMessage(L["Enter the title in {0}, the organization's main language.", Languages.NativeName(defaultLanguage)]);
        foreach (var lang in LocalizedText.Languages)
        {
            RuleFor(x => x.Title[lang]).MaximumLength(300).OverridePropertyName($"Title.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 300]);
            RuleFor(x => x.Summary[lang]).MaximumLength(4000).OverridePropertyName($"Summary.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 4000]);
            RuleFor(x => x.Commitments[lang]).MaximumLength(4000).OverridePropertyName($"Commitments.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 4000]);
            RuleFor(x => x.RenewalNotes[lang]).MaximumLength(1000).OverridePropertyName($"RenewalNotes.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 1000]);
        }
        RuleFor(x => x.PartyIds).NotEmpty().WithMessage(L["Choose at least one counterpart party to the agreement."]);
        RuleFor(x => x.PartyIds.Count).LessThanOrEqualTo(50).OverridePropertyName(nameof(AgreementInput.PartyIds)).WithMessage(L["Use at most {0} entries.", 50]);
        RuleFor(x => x.Subjects.Count).LessThanOrEqualTo(30).OverridePropertyName(nameof(AgreementInput.Subjects)).WithMessage(L["Use at most {0} entries.", 30]);
        RuleForEach(x => x.Subjects).MaximumLength(100).WithMessage(L["Use at most {0} characters.", 100]);
        RuleFor(x => x.Status).IsInEnum().WithMessage(L["Choose the status."]);
        RuleFor(x => x.Renewal).IsInEnum().WithMessage(L["Choose the renewal terms."]);
        RuleFor(x => x.Signatories).MaximumLength(2000).WithMessage(L["Use at most {0} characters.", 2000]);
        RuleFor(x => x.ExpiresOn).Must((x, e) => e is null || x.EffectiveFrom is null || e > x.EffectiveFrom)
            .WithMessage(L["The expiry must come after the effective date."]);
        RuleFor(x => x.ExpiresOn).Must((x, e) => e is null || x.SignedOn is null || e > x.SignedOn)
            .WithMessage(L["The expiry must come after the signing date."]);
        RuleFor(x => x.SignedOn).NotNull().When(x => x.Status is AgreementStatus.Signed or AgreementStatus.Active)
            .WithMessage(L["Enter the date it was signed."]);
        foreach (var d in new[] { (Name: nameof(AgreementInput.SignedOn), Get: (Func<AgreementInput, DateOnly?>)(x => x.SignedOn)),
                     (nameof(AgreementInput.EffectiveFrom), x => x.EffectiveFrom), (nameof(AgreementInput.ExpiresOn), x => x.ExpiresOn) })
            RuleFor(x => d.Get(x)).Must(v => v is null || v.Value.Year is >= 1900 and <= 2200).OverridePropertyName(d.Name)
                .WithMessage(L["Enter a date between {0} and {1}.", 1900, 2200]);
        if (requireVersion)
            RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }

    internal static string Pascal(string lang) => char.ToUpperInvariant(lang[0]) + lang[1..];
}

/// <summary>A ledger entry written by hand.</summary>
public sealed class LedgerInput
{
    public DateOnly? On { get; set; }
    public LedgerKind? Kind { get; set; }
    public LocalizedText Summary { get; set; } = new();
}

public sealed class LedgerValidator : AbstractValidator<LedgerInput>
{
    public LedgerValidator(IStringLocalizer L, string defaultLanguage, DateOnly today)
    {
        RuleFor(x => x.On).NotNull().WithMessage(L["Enter the date."])
            .Must(d => d is null || d <= today).WithMessage(L["The ledger records what was done: the date cannot be in the future."])
            .Must(d => d is null || d.Value.Year >= 1900).WithMessage(L["Enter a date between {0} and {1}.", 1900, 2200]);
        RuleFor(x => x.Kind).NotNull().WithMessage(L["Choose what kind of activity it was."]).IsInEnum().WithMessage(L["Choose what kind of activity it was."]);
        RuleFor(x => x.Summary[defaultLanguage]).NotEmpty().OverridePropertyName($"Summary.{AgreementValidator.Pascal(defaultLanguage)}")
            .WithMessage(L["Say what happened, in {0}, the organization's main language.", Languages.NativeName(defaultLanguage)]);
        foreach (var lang in LocalizedText.Languages)
            RuleFor(x => x.Summary[lang]).MaximumLength(2000).OverridePropertyName($"Summary.{AgreementValidator.Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 2000]);
    }
}

/// <summary>What moving an agreement to its next status sends.</summary>
public sealed class StatusInput
{
    public AgreementStatus? Status { get; set; }
    /// <summary>When it happened (signing, entry into force, end); today when empty.</summary>
    public DateOnly? On { get; set; }
    public long? Version { get; set; }
}

/// <summary>One line of an agreement's ledger: a manual entry, or a linked action, mission or project read from its own record.</summary>
public sealed record LedgerItem(DateOnly? On, string Source, string Kind, string Title, string? Url, Guid Id);

/// <summary>What an agreement's health reads: last activity, dormancy, expiry.</summary>
public sealed record AgreementHealthInfo(DateOnly? LastActivity, bool Dormant, int? QuietMonths, ExpiryNotice Expiry);

public sealed record AgreementDto(
    Guid Id, string Code, AgreementKind Kind, LocalizedText Title, IReadOnlyList<Guid> PartyIds, IReadOnlyList<string> Subjects,
    AgreementStatus Status, IReadOnlyList<AgreementStatus> NextStatuses, DateOnly? SignedOn, string? Signatories, DateOnly? EffectiveFrom, DateOnly? ExpiresOn,
    RenewalTerms Renewal, LocalizedText RenewalNotes, LocalizedText Commitments, LocalizedText Summary, Guid? LeadDepartmentId,
    Guid? RenewsId, Guid? RenewedById, DateOnly? EndedOn, DateOnly? LastActivity, bool Dormant, ExpiryNotice ExpiryNotice, long Version);

public sealed record LedgerItemDto(DateOnly? On, string Source, string Kind, string Title, string? Url, Guid Id);

/// <summary>
/// Agreements: validation and writes for the pages and the API, the merged ledger, and the health figures
/// (last activity, dormancy, expiry) computed from the linked records.
/// </summary>
public sealed class AgreementService(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<Agreement?> FindAsync(Guid id, CancellationToken ct) => db.Agreements.FirstOrDefaultAsync(a => a.Id == id, ct);

    public async Task<int> DormancyMonthsAsync(CancellationToken ct) =>
        await db.Organizations.Where(o => o.Id == tenant.OrganizationId).Select(o => (int?)o.DormancyMonths).FirstOrDefaultAsync(ct) ?? 24;

    public async Task<ValidationResult> ValidateAsync(AgreementInput input, Guid? existingId, CancellationToken ct)
    {
        input.Compact();
        var result = await new AgreementValidator(L, tenant.DefaultLanguage, existingId is not null).ValidateAsync(input, ct);
        void Fail(string field, string message)
        {
            if (!result.Errors.Any(e => e.PropertyName == field)) result.Errors.Add(new ValidationFailure(field, message));
        }
        if (!await db.Counterparts.ContainsAllAsync(input.PartyIds, ct))
            Fail(nameof(AgreementInput.PartyIds), L["One of these counterparts does not exist."]);
        if (input.LeadDepartmentId is { } lead && !await db.Departments.AnyAsync(d => d.Id == lead, ct))
            Fail(nameof(AgreementInput.LeadDepartmentId), L["This department does not exist."]);
        var code = AgreementInput.NormalizeCode(input.Code);
        if (code.Length > 0 && !result.Errors.Any(e => e.PropertyName == nameof(AgreementInput.Code)))
        {
            var clash = await db.Agreements.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AsNoTracking()
                .Where(a => a.Code == code && a.Id != existingId).Select(a => new { a.DeletedAt }).FirstOrDefaultAsync(ct);
            if (clash is not null)
                Fail(nameof(AgreementInput.Code), clash.DeletedAt is null
                    ? L["Another agreement already uses this code."]
                    : L["An agreement in the Trash uses this code; restore it or choose another code."]);
        }
        return result;
    }

    public async Task<string> NextCodeAsync(CancellationToken ct) =>
        RelationLookups.NextCode("AG-", await db.Agreements.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Select(a => a.Code).ToListAsync(ct));

    public async Task<Agreement> CreateAsync(AgreementInput input, CancellationToken ct, Guid? renewsId = null)
    {
        var a = new Agreement { Code = AgreementInput.NormalizeCode(input.Code), Status = input.Status ?? AgreementStatus.Draft, RenewsId = renewsId };
        if (a.Code.Length == 0) a.Code = await NextCodeAsync(ct);
        Apply(a, input);
        db.Agreements.Add(a);
        await db.SaveChangesAsync(ct);
        return a;
    }

    public async Task UpdateAsync(Agreement a, AgreementInput input, CancellationToken ct)
    {
        db.ExpectVersion(a, input.Version ?? a.Version);
        if (!string.IsNullOrWhiteSpace(input.Code)) a.Code = AgreementInput.NormalizeCode(input.Code);
        Apply(a, input);
        await db.SaveChangesAsync(ct);
    }

    public Task DeleteAsync(Agreement a, long? version, CancellationToken ct) => db.RemoveAsync(a, version, ct);

    public Task<Agreement?> ReloadAsync(Guid id, CancellationToken ct) => db.FreshAsync<Agreement>(id, ct);

    private static void Apply(Agreement a, AgreementInput input)
    {
        a.Kind = input.Kind!.Value;
        a.Title = input.Title.Trimmed();
        a.PartyIds = [.. input.PartyIds];
        a.Subjects = [.. input.Subjects];
        a.SignedOn = input.SignedOn;
        a.Signatories = string.IsNullOrWhiteSpace(input.Signatories) ? null : input.Signatories.Trim();
        a.EffectiveFrom = input.EffectiveFrom;
        a.ExpiresOn = input.ExpiresOn;
        a.Renewal = input.Renewal ?? RenewalTerms.None;
        a.RenewalNotes = input.RenewalNotes.Trimmed();
        a.Commitments = input.Commitments.Trimmed();
        a.Summary = input.Summary.Trimmed();
        a.LeadDepartmentId = input.LeadDepartmentId;
    }

    /// <summary>Why the move is refused (keyed "Status"), or an empty result.</summary>
    public ValidationResult ValidateStatus(Agreement a, StatusInput input)
    {
        var result = new ValidationResult();
        if (input.Status is not { } to || !Enum.IsDefined(to))
            result.Errors.Add(new ValidationFailure(nameof(StatusInput.Status), L["Choose the status."]));
        else if (to == AgreementStatus.Renewed)
            result.Errors.Add(new ValidationFailure(nameof(StatusInput.Status), L["To renew an agreement, use Renew: it creates the renewal."]));
        else if (!AgreementHealth.CanMove(a.Status, to))
            result.Errors.Add(new ValidationFailure(nameof(StatusInput.Status),
                L["An agreement cannot go from {0} to {1}.", a.Status.Label(L), to.Label(L)]));
        else if (input.On is { } on && on > Today)
            result.Errors.Add(new ValidationFailure(nameof(StatusInput.On), L["The date cannot be in the future."]));
        return result;
    }

    /// <summary>Moves the agreement to its next status and records the date it happened, unless already known.</summary>
    public async Task MoveAsync(Agreement a, AgreementStatus to, DateOnly? on, long? version, CancellationToken ct)
    {
        db.ExpectVersion(a, version ?? a.Version);
        var day = on ?? Today;
        switch (to)
        {
            case AgreementStatus.Signed: a.SignedOn = on ?? a.SignedOn ?? day; break;
            case AgreementStatus.Active: a.EffectiveFrom = on ?? a.EffectiveFrom ?? day; break;
            case AgreementStatus.Expired or AgreementStatus.Terminated: a.EndedOn = day; break;
        }
        a.Status = to;
        await db.SaveChangesAsync(ct);
    }

    public ValidationResult ValidateRenew(Agreement a)
    {
        var result = new ValidationResult();
        if (a.Status is not (AgreementStatus.Active or AgreementStatus.Expired))
            result.Errors.Add(new ValidationFailure(nameof(StatusInput.Status), L["Only an active or expired agreement can be renewed."]));
        return result;
    }

    /// <summary>
    /// Creates the renewal: a draft with the same kind, title, parties, subjects, commitments and lead department,
    /// pointing to this one; this one becomes Renewed.
    /// </summary>
    public async Task<Agreement> RenewAsync(Agreement old, long? version, CancellationToken ct)
    {
        db.ExpectVersion(old, version ?? old.Version);
        var input = AgreementInput.From(old);
        input.Code = null;
        input.Status = AgreementStatus.Draft;
        input.SignedOn = null;
        input.Signatories = null;
        input.EffectiveFrom = old.ExpiresOn is { } e ? e.AddDays(1) : null;
        input.ExpiresOn = null;
        old.Status = AgreementStatus.Renewed;
        old.EndedOn ??= Today;
        return await CreateAsync(input, ct, renewsId: old.Id);
    }

    /// <summary>Whether the current user may write in this agreement's ledger: coordinators always, a focal point for their department's.</summary>
    public bool CanLog(Agreement a) =>
        tenant.Can(Capability.ManageRelations)
        || (tenant.Can(Capability.LogRelations) && a.LeadDepartmentId is { } lead && tenant.CanEditDepartment(lead));

    public async Task<ValidationResult> ValidateLedgerAsync(LedgerInput input, CancellationToken ct) =>
        await new LedgerValidator(L, tenant.DefaultLanguage, Today).ValidateAsync(input, ct);

    public async Task<LedgerEntry> AddLedgerEntryAsync(Agreement a, LedgerInput input, CancellationToken ct)
    {
        var e = new LedgerEntry { AgreementId = a.Id, On = input.On!.Value, Kind = input.Kind!.Value, Summary = input.Summary.Trimmed() };
        db.LedgerEntries.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    /// <summary>
    /// The activity dates of every agreement of the organization (or of one), read from ledger entries, linked actions
    /// (end once past, else start), missions carried out under it (end; cancelled ones do not count) and projects
    /// under it (actual start and transactions).
    /// </summary>
    public async Task<Dictionary<Guid, List<DateOnly?>>> ActivityDatesAsync(Guid? only, CancellationToken ct)
    {
        var today = Today;
        var dates = new Dictionary<Guid, List<DateOnly?>>();
        void Add(Guid agreement, DateOnly? d)
        {
            if (only is { } o && agreement != o) return;
            if (!dates.TryGetValue(agreement, out var list)) dates[agreement] = list = [];
            list.Add(d);
        }

        var ledger = db.LedgerEntries.AsNoTracking();
        if (only is { } one) ledger = ledger.Where(e => e.AgreementId == one);
        foreach (var g in await ledger.GroupBy(e => e.AgreementId).Select(g => new { g.Key, Last = g.Where(e => e.On <= today).Max(e => (DateOnly?)e.On) }).ToListAsync(ct))
            Add(g.Key, g.Last);

        var actions = db.Actions.AsNoTracking().Where(a => a.AgreementIds.Count > 0);
        if (only is { } oneA) actions = actions.Where(a => a.AgreementIds.Contains(oneA));
        foreach (var a in await actions.Select(a => new { a.AgreementIds, a.Start, a.End }).ToListAsync(ct))
            foreach (var id in a.AgreementIds) Add(id, AgreementHealth.ActionActivity(a.Start, a.End, today));

        var missions = db.Missions.AsNoTracking().Where(m => m.AgreementId != null && m.Status != MissionStatus.Cancelled);
        if (only is { } oneM) missions = missions.Where(m => m.AgreementId == oneM);
        foreach (var m in await missions.Select(m => new { m.AgreementId, m.Start, m.End }).ToListAsync(ct))
            Add(m.AgreementId!.Value, AgreementHealth.ActionActivity(m.Start, m.End, today));

        var projects = db.Projects.AsNoTracking().Where(p => p.AgreementIds.Count > 0);
        if (only is { } oneP) projects = projects.Where(p => p.AgreementIds.Contains(oneP));
        var projectRows = await projects.Select(p => new { p.Id, p.AgreementIds, p.ActualStart }).ToListAsync(ct);
        if (projectRows.Count > 0)
        {
            var ids = projectRows.Select(p => p.Id).ToList();
            var lastMoves = await db.ProjectTransactions.AsNoTracking().Where(t => ids.Contains(t.ProjectId) && t.On <= today)
                .GroupBy(t => t.ProjectId).Select(g => new { g.Key, Last = g.Max(t => t.On) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
            foreach (var p in projectRows)
                foreach (var id in p.AgreementIds)
                {
                    Add(id, p.ActualStart);
                    if (lastMoves.TryGetValue(p.Id, out var last)) Add(id, last);
                }
        }
        return dates;
    }

    public AgreementHealthInfo Health(Agreement a, IReadOnlyDictionary<Guid, List<DateOnly?>> dates, int dormancyMonths)
    {
        var today = Today;
        var last = AgreementHealth.LastActivity(dates.TryGetValue(a.Id, out var d) ? d : [], today);
        var dormant = AgreementHealth.IsDormant(a.Status, a.SignedOn, a.EffectiveFrom, last, dormancyMonths, today);
        return new AgreementHealthInfo(last, dormant,
            dormant ? AgreementHealth.QuietMonths(a.SignedOn, a.EffectiveFrom, last, today) : null,
            AgreementHealth.ExpiryFor(a.Status, a.ExpiresOn, today));
    }

    public async Task<AgreementHealthInfo> HealthAsync(Agreement a, CancellationToken ct) =>
        Health(a, await ActivityDatesAsync(a.Id, ct), await DormancyMonthsAsync(ct));

    /// <summary>The agreement's ledger, newest first: manual entries and the actions, missions and projects linked to it.</summary>
    public async Task<IReadOnlyList<LedgerItem>> LedgerAsync(Guid id, CancellationToken ct)
    {
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var org = tenant.OrganizationSlug;
        var today = Today;
        var items = new List<LedgerItem>();
        foreach (var e in await db.LedgerEntries.AsNoTracking().Where(e => e.AgreementId == id).ToListAsync(ct))
            items.Add(new LedgerItem(e.On, "entry", e.Kind.Label(L), e.Summary.Get(lang, fallback), null, e.Id));
        foreach (var a in await db.Actions.AsNoTracking().Where(a => a.AgreementIds.Contains(id)).Select(a => new { a.Id, a.Code, a.Title, a.Start, a.End }).ToListAsync(ct))
            items.Add(new LedgerItem(AgreementHealth.ActionActivity(a.Start, a.End, today) ?? a.Start ?? a.End, "action", L["Action"],
                $"{a.Code} — {a.Title.Get(lang, fallback)}", $"/{org}/actions/{a.Id}", a.Id));
        foreach (var m in await db.Missions.AsNoTracking().Where(m => m.AgreementId == id).Select(m => new { m.Id, m.Kind, m.Title, m.Start, m.End, m.Status }).ToListAsync(ct))
            items.Add(new LedgerItem(m.End <= today ? m.End : m.Start, "mission", m.Kind.Label(L)
                + (m.Status == MissionStatus.Cancelled ? $" ({MissionStatus.Cancelled.Label(L)})" : ""), m.Title.Get(lang, fallback), $"/{org}/missions/{m.Id}", m.Id));
        foreach (var p in await db.Projects.AsNoTracking().Where(p => p.AgreementIds.Contains(id)).Select(p => new { p.Id, p.Code, p.Title, p.ActualStart, p.PlannedStart }).ToListAsync(ct))
            items.Add(new LedgerItem(p.ActualStart ?? p.PlannedStart, "project", L["Cooperation project"], $"{p.Code} — {p.Title.Get(lang, fallback)}", $"/{org}/projects/{p.Id}", p.Id));
        return items.OrderByDescending(i => i.On ?? DateOnly.MinValue).ThenBy(i => i.Title, StringComparer.CurrentCulture).ToList();
    }

    public async Task<AgreementDto> ToDtoAsync(Agreement a, CancellationToken ct)
    {
        var health = await HealthAsync(a, ct);
        var renewedBy = await db.Agreements.AsNoTracking().Where(x => x.RenewsId == a.Id).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        return new AgreementDto(a.Id, a.Code, a.Kind, a.Title, a.PartyIds, a.Subjects, a.Status, AgreementHealth.Next(a.Status), a.SignedOn, a.Signatories,
            a.EffectiveFrom, a.ExpiresOn, a.Renewal, a.RenewalNotes, a.Commitments, a.Summary, a.LeadDepartmentId, a.RenewsId, renewedBy, a.EndedOn,
            health.LastActivity, health.Dormant, health.Expiry, a.Version);
    }
}
