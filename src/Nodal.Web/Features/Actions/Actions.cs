using FluentValidation;
using FluentValidation.Results;

namespace Nodal.Web.Features.Actions;

public sealed class MilestoneInput
{
    /// <summary>Set for an existing milestone; empty for a new one.</summary>
    public Guid? Id { get; set; }
    public string? Title { get; set; }
    public DateOnly? Due { get; set; }
    public DateOnly? DoneOn { get; set; }
}

public sealed class BudgetInput
{
    public int? Year { get; set; }
    public decimal? Planned { get; set; }
    public decimal? Spent { get; set; }
    /// <summary>ISO 4217; the organization's currency when empty.</summary>
    public string? Currency { get; set; }
}

/// <summary>What a user sends to create or change an action (form, API and spreadsheet import alike).</summary>
public sealed class ActionInput
{
    public Guid? PlanId { get; set; }
    /// <summary>Unique in the organization; generated (A-001…) when empty on creation.</summary>
    public string? Code { get; set; }
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public ActionOrigin? Origin { get; set; }
    public Guid? ObjectiveId { get; set; }
    public Guid? RequestedByDepartmentId { get; set; }
    public string? RequestedBy { get; set; }
    public DateOnly? RequestedOn { get; set; }
    public Modality? Modality { get; set; }
    public Guid? LeadDepartmentId { get; set; }
    public List<Guid> InvolvedDepartmentIds { get; set; } = [];
    public List<Guid> AxisIds { get; set; } = [];
    public List<string> Partners { get; set; } = [];
    public List<string> Countries { get; set; } = [];
    public List<string> Cities { get; set; } = [];
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public ActionStatus? Status { get; set; }
    public LocalizedText Beneficiaries { get; set; } = new();
    public int? BeneficiaryCount { get; set; }
    public List<string> SdgTargets { get; set; } = [];
    public List<MilestoneInput> Milestones { get; set; } = [];
    public List<BudgetInput> Budgets { get; set; } = [];
    /// <summary>Counterparts of the relations registry the action works with.</summary>
    public List<Guid> CounterpartIds { get; set; } = [];
    /// <summary>Agreements the action is carried out under (it then appears in their ledger).</summary>
    public List<Guid> AgreementIds { get; set; } = [];
    /// <summary>Cooperation projects the action belongs to.</summary>
    public List<Guid> ProjectIds { get; set; } = [];
    /// <summary>The version the user saw; required to change an existing action.</summary>
    public long? Version { get; set; }

    /// <summary>The input that would save the action as it is; milestone titles are read in <paramref name="language"/>
    /// (pass the organization's main language: saving writes them back there).</summary>
    public static ActionInput From(PolicyAction a, IEnumerable<ActionMilestone> milestones, IEnumerable<ActionBudget> budgets, string language = "es") => new()
    {
        PlanId = a.PlanId,
        Code = a.Code,
        Title = new LocalizedText(a.Title.Es, a.Title.En, a.Title.Fr),
        Description = new LocalizedText(a.Description.Es, a.Description.En, a.Description.Fr),
        Origin = a.Origin,
        ObjectiveId = a.ObjectiveId,
        RequestedByDepartmentId = a.RequestedByDepartmentId,
        RequestedBy = a.RequestedBy,
        RequestedOn = a.RequestedOn,
        Modality = a.Modality,
        LeadDepartmentId = a.LeadDepartmentId,
        InvolvedDepartmentIds = [.. a.InvolvedDepartmentIds],
        AxisIds = [.. a.AxisIds],
        Partners = [.. a.Partners],
        Countries = [.. a.Countries],
        Cities = [.. a.Cities],
        Start = a.Start,
        End = a.End,
        Status = a.Status,
        Beneficiaries = new LocalizedText(a.Beneficiaries.Es, a.Beneficiaries.En, a.Beneficiaries.Fr),
        BeneficiaryCount = a.BeneficiaryCount,
        SdgTargets = [.. a.SdgTargets],
        Milestones = milestones.OrderBy(m => m.Due).Select(m => new MilestoneInput { Id = m.Id, Title = m.Title.Get(language), Due = m.Due, DoneOn = m.DoneOn }).ToList(),
        Budgets = budgets.OrderBy(b => b.Year).ThenBy(b => b.Currency).Select(b => new BudgetInput { Year = b.Year, Planned = b.Planned, Spent = b.Spent, Currency = b.Currency }).ToList(),
        CounterpartIds = [.. a.CounterpartIds],
        AgreementIds = [.. a.AgreementIds],
        ProjectIds = [.. a.ProjectIds],
        Version = a.Version,
    };

    /// <summary>Drops the blank rows a form sends (an empty milestone or budget line means "none").</summary>
    public void Compact()
    {
        Milestones = Milestones.Where(m => m is not null && (!string.IsNullOrWhiteSpace(m.Title) || m.Due is not null || m.DoneOn is not null)).ToList();
        Budgets = Budgets.Where(b => b is not null && (b.Year is not null || b.Planned is not null || b.Spent is not null)).ToList();
        Partners = ListText.Split(Partners, ListText.Names);
        Cities = ListText.Split(Cities, ListText.NamesOrCommas);
        Countries = ListText.Split(Countries, ListText.Codes, upper: true);
        SdgTargets = ListText.Split(SdgTargets, ListText.Codes, lower: true);
        InvolvedDepartmentIds = InvolvedDepartmentIds.Where(id => id != Guid.Empty && id != LeadDepartmentId).Distinct().ToList();
        AxisIds = AxisIds.Where(id => id != Guid.Empty).Distinct().ToList();
        CounterpartIds = (CounterpartIds ?? []).Where(id => id != Guid.Empty).Distinct().ToList();
        AgreementIds = (AgreementIds ?? []).Where(id => id != Guid.Empty).Distinct().ToList();
        ProjectIds = (ProjectIds ?? []).Where(id => id != Guid.Empty).Distinct().ToList();
    }

    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();
}

public sealed class ActionValidator : AbstractValidator<ActionInput>
{
    public ActionValidator(IStringLocalizer L, string defaultLanguage, bool requireVersion)
    {
        RuleFor(x => x.PlanId).NotNull().WithMessage(L["Choose the plan the action belongs to."]);
        RuleFor(x => x.Code).MaximumLength(20).WithMessage(L["Use at most {0} characters.", 20])
            .Matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$").When(x => !string.IsNullOrWhiteSpace(x.Code))
            .WithMessage(L["Use only letters, digits, dots, hyphens and underscores."]);
        RuleFor(x => x.Title[defaultLanguage]).NotEmpty().OverridePropertyName($"Title.{Pascal(defaultLanguage)}")
            .WithMessage(L["Enter the title in {0}, the organization's main language.", Languages.NativeName(defaultLanguage)]);
        foreach (var lang in LocalizedText.Languages)
        {
            RuleFor(x => x.Title[lang]).MaximumLength(300).OverridePropertyName($"Title.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 300]);
            RuleFor(x => x.Description[lang]).MaximumLength(4000).OverridePropertyName($"Description.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 4000]);
            RuleFor(x => x.Beneficiaries[lang]).MaximumLength(1000).OverridePropertyName($"Beneficiaries.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 1000]);
        }
        RuleFor(x => x.Origin).NotNull().WithMessage(L["Say whether the action is planned or reactive."])
            .IsInEnum().WithMessage(L["Say whether the action is planned or reactive."]);
        RuleFor(x => x.ObjectiveId).NotNull().When(x => x.Origin == ActionOrigin.Planned)
            .WithMessage(L["A planned action serves an objective: choose it."]);
        RuleFor(x => x.RequestedOn).NotNull().When(x => x.Origin == ActionOrigin.Reactive)
            .WithMessage(L["Enter when the request arrived."]);
        RuleFor(x => x.RequestedBy).Must((x, by) => !string.IsNullOrWhiteSpace(by) || x.RequestedByDepartmentId is not null)
            .When(x => x.Origin == ActionOrigin.Reactive)
            .WithMessage(L["Say who asked: a department or an outside actor."]);
        RuleFor(x => x.RequestedBy).MaximumLength(300).WithMessage(L["Use at most {0} characters.", 300]);
        RuleFor(x => x.Modality).NotNull().WithMessage(L["Choose the modality."]).IsInEnum().WithMessage(L["Choose the modality."]);
        RuleFor(x => x.LeadDepartmentId).NotNull().WithMessage(L["Choose the department that leads the action."]);
        RuleFor(x => x.Status).NotNull().WithMessage(L["Choose the status."]).IsInEnum().WithMessage(L["Choose the status."]);
        RuleFor(x => x.End).Must((x, end) => end is null || x.Start is null || end >= x.Start)
            .WithMessage(L["The end cannot come before the start."]);
        RuleFor(x => x.BeneficiaryCount).GreaterThanOrEqualTo(0).WithMessage(L["Enter a number of zero or more."]);
        RuleForEach(x => x.Countries).Must(Nodal.Web.Features.Organizations.Countries.Exists)
            .WithMessage((_, c) => L["{0} is not an ISO 3166 country code.", c]);
        RuleForEach(x => x.SdgTargets).Must(Sdg.IsTarget)
            .WithMessage((_, t) => L["{0} is not an SDG target (e.g. 11.2).", t]);
        RuleFor(x => x.Partners.Count).LessThanOrEqualTo(50).OverridePropertyName(nameof(ActionInput.Partners)).WithMessage(L["Use at most {0} entries.", 50]);
        RuleFor(x => x.Cities.Count).LessThanOrEqualTo(50).OverridePropertyName(nameof(ActionInput.Cities)).WithMessage(L["Use at most {0} entries.", 50]);
        RuleForEach(x => x.Partners).MaximumLength(200).WithMessage(L["Use at most {0} characters.", 200]);
        RuleForEach(x => x.Cities).MaximumLength(200).WithMessage(L["Use at most {0} characters.", 200]);
        RuleForEach(x => x.Milestones).ChildRules(m =>
        {
            m.RuleFor(x => x.Title).NotEmpty().WithMessage(L["Enter what the milestone is."])
                .MaximumLength(300).WithMessage(L["Use at most {0} characters.", 300]);
            m.RuleFor(x => x.Due).NotNull().WithMessage(L["Enter the due date."]);
        });
        RuleForEach(x => x.Budgets).ChildRules(b =>
        {
            b.RuleFor(x => x.Year).NotNull().WithMessage(L["Enter the year."])
                .InclusiveBetween(1990, 2100).WithMessage(L["Enter a year between {0} and {1}.", 1990, 2100]);
            b.RuleFor(x => x.Planned).GreaterThanOrEqualTo(0).WithMessage(L["Enter an amount of zero or more."]);
            b.RuleFor(x => x.Spent).GreaterThanOrEqualTo(0).WithMessage(L["Enter an amount of zero or more."]);
            b.RuleFor(x => x.Currency).Must(c => string.IsNullOrWhiteSpace(c) || Nodal.Web.Features.Organizations.Currencies.All.Contains(c.Trim()))
                .WithMessage(L["Enter an ISO 4217 currency code, such as EUR."]);
        });
        RuleFor(x => x.Budgets).Must(list => list.GroupBy(b => (b.Year, (b.Currency ?? "").Trim().ToUpperInvariant())).All(g => g.Count() == 1))
            .WithMessage(L["Enter each year and currency once."]);
        if (requireVersion)
            RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }

    private static string Pascal(string lang) => char.ToUpperInvariant(lang[0]) + lang[1..];
}

public sealed record MilestoneDto(Guid Id, string Title, DateOnly Due, DateOnly? DoneOn);
public sealed record BudgetDto(int Year, decimal Planned, decimal Spent, string Currency);

public sealed record ActionDto(
    Guid Id, Guid PlanId, string Code, LocalizedText Title, LocalizedText Description,
    ActionOrigin Origin, bool Planned, Guid? ObjectiveId, DateOnly? AttachedOn,
    Guid? RequestedByDepartmentId, string? RequestedBy, DateOnly? RequestedOn,
    Modality Modality, Guid LeadDepartmentId, IReadOnlyList<Guid> InvolvedDepartmentIds, IReadOnlyList<Guid> AxisIds,
    IReadOnlyList<string> Partners, IReadOnlyList<string> Countries, IReadOnlyList<string> Cities,
    DateOnly? Start, DateOnly? End, ActionStatus Status, LocalizedText Beneficiaries, int? BeneficiaryCount,
    IReadOnlyList<string> SdgTargets, IReadOnlyList<MilestoneDto> Milestones, IReadOnlyList<BudgetDto> Budgets,
    IReadOnlyList<Guid> CounterpartIds, IReadOnlyList<Guid> AgreementIds, IReadOnlyList<Guid> ProjectIds, long Version);

/// <summary>
/// The action feature's validation and writes, shared by its pages, its API and the spreadsheet import.
/// Every write stays inside the request's transaction; the caller saves nothing half-done.
/// </summary>
public sealed class ActionService(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Field rules, then the references: the plan, the objective (in that plan), departments and axes
    /// of this organization, a unique code. <paramref name="existingId"/> is null on creation.
    /// </summary>
    public async Task<ValidationResult> ValidateAsync(ActionInput input, Guid? existingId, CancellationToken ct)
    {
        input.Compact();
        // The origin records how an action arrived and never changes: validate a change against the stored one.
        if (existingId is { } id && await db.Actions.Where(a => a.Id == id).Select(a => (ActionOrigin?)a.Origin).FirstOrDefaultAsync(ct) is { } stored)
            input.Origin = stored;
        var result = await new ActionValidator(L, tenant.DefaultLanguage, existingId is not null).ValidateAsync(input, ct);
        void Fail(string field, string message)
        {
            if (!result.Errors.Any(e => e.PropertyName == field)) result.Errors.Add(new ValidationFailure(field, message));
        }

        if (input.PlanId is { } planId && !await db.Plans.AnyAsync(p => p.Id == planId, ct))
            Fail(nameof(ActionInput.PlanId), L["This plan does not exist."]);
        if (input.ObjectiveId is { } objectiveId && !await db.Objectives.AnyAsync(o => o.Id == objectiveId && o.PlanId == input.PlanId, ct))
            Fail(nameof(ActionInput.ObjectiveId), L["This objective is not in the action's plan."]);

        var departmentIds = new List<Guid>(input.InvolvedDepartmentIds);
        if (input.LeadDepartmentId is { } lead) departmentIds.Add(lead);
        if (input.RequestedByDepartmentId is { } req) departmentIds.Add(req);
        if (departmentIds.Count > 0)
        {
            var known = (await db.Departments.Where(d => departmentIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
            if (input.LeadDepartmentId is { } l && !known.Contains(l)) Fail(nameof(ActionInput.LeadDepartmentId), L["This department does not exist."]);
            if (input.RequestedByDepartmentId is { } r && !known.Contains(r)) Fail(nameof(ActionInput.RequestedByDepartmentId), L["This department does not exist."]);
            if (input.InvolvedDepartmentIds.Any(i => !known.Contains(i))) Fail(nameof(ActionInput.InvolvedDepartmentIds), L["One of these departments does not exist."]);
        }
        if (!await db.Axes.Where(a => a.PlanId == input.PlanId).ContainsAllAsync(input.AxisIds, ct))
            Fail(nameof(ActionInput.AxisIds), L["One of these axes is not in the action's plan."]);

        if (!await db.Counterparts.ContainsAllAsync(input.CounterpartIds, ct))
            Fail(nameof(ActionInput.CounterpartIds), L["One of these counterparts does not exist."]);
        if (!await db.Agreements.ContainsAllAsync(input.AgreementIds, ct))
            Fail(nameof(ActionInput.AgreementIds), L["One of these agreements does not exist."]);
        if (!await db.Projects.ContainsAllAsync(input.ProjectIds, ct))
            Fail(nameof(ActionInput.ProjectIds), L["One of these projects does not exist."]);

        var code = ActionInput.NormalizeCode(input.Code);
        if (code.Length > 0 && !result.Errors.Any(e => e.PropertyName == nameof(ActionInput.Code)))
        {
            var clash = await db.Actions.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AsNoTracking()
                .Where(a => a.Code == code && a.Id != existingId).Select(a => new { a.DeletedAt }).FirstOrDefaultAsync(ct);
            if (clash is not null)
                Fail(nameof(ActionInput.Code), clash.DeletedAt is null
                    ? L["Another action already uses this code."]
                    : L["An action in the Trash uses this code; restore it or choose another code."]);
        }

        // A focal point works on the actions their own department leads.
        if (input.LeadDepartmentId is { } leadId && !tenant.CanEditDepartment(leadId))
            Fail(nameof(ActionInput.LeadDepartmentId), L["You can only lead actions from your own department."]);
        return result;
    }

    /// <summary>Whether the current user may change this action: coordinators all, focal points their department's.</summary>
    public bool CanEdit(PolicyAction a) => tenant.Can(Capability.EditActions) && tenant.CanEditDepartment(a.LeadDepartmentId);

    public Task<PolicyAction?> FindAsync(Guid id, CancellationToken ct) => db.Actions.FirstOrDefaultAsync(a => a.Id == id, ct);

    public Task<PolicyAction?> FindByCodeAsync(string code, CancellationToken ct)
    {
        var c = ActionInput.NormalizeCode(code);
        return db.Actions.FirstOrDefaultAsync(a => a.Code == c, ct);
    }

    public async Task<(List<ActionMilestone> Milestones, List<ActionBudget> Budgets)> ChildrenAsync(Guid actionId, CancellationToken ct) =>
        (await db.Milestones.Where(m => m.ActionId == actionId).OrderBy(m => m.Due).ToListAsync(ct),
         await db.Budgets.Where(b => b.ActionId == actionId).OrderBy(b => b.Year).ThenBy(b => b.Currency).ToListAsync(ct));

    public async Task<ActionDto> ToDtoAsync(PolicyAction a, CancellationToken ct)
    {
        var (milestones, budgets) = await ChildrenAsync(a.Id, ct);
        return new ActionDto(a.Id, a.PlanId, a.Code, a.Title, a.Description, a.Origin, a.IsPlannedOn(Today), a.ObjectiveId, a.AttachedOn,
            a.RequestedByDepartmentId, a.RequestedBy, a.RequestedOn, a.Modality, a.LeadDepartmentId, a.InvolvedDepartmentIds, a.AxisIds,
            a.Partners, a.Countries, a.Cities, a.Start, a.End, a.Status, a.Beneficiaries, a.BeneficiaryCount, a.SdgTargets,
            // In the organization's main language, where a change writes it back (MilestoneInput.Title).
            milestones.Select(m => new MilestoneDto(m.Id, m.Title.Get(tenant.DefaultLanguage), m.Due, m.DoneOn)).ToList(),
            budgets.Select(b => new BudgetDto(b.Year, b.Planned, b.Spent, b.Currency)).ToList(),
            a.CounterpartIds, a.AgreementIds, a.ProjectIds, a.Version);
    }

    /// <summary>The next free code … (counting the Trash, whose codes stay reserved).</summary>
    public async Task<string> NextCodeAsync(CancellationToken ct)
    {
        var codes = await db.Actions.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(a => a.Code.StartsWith("A-")).Select(a => a.Code).ToListAsync(ct);
        var max = codes.Select(c => int.TryParse(c.AsSpan(2), out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"A-{max + 1:000}";
    }

    /// <summary>Adds the action (not saved: the caller saves, so an import saves all rows at once).</summary>
    public async Task<PolicyAction> AddAsync(ActionInput input, CancellationToken ct)
    {
        var a = new PolicyAction { Code = ActionInput.NormalizeCode(input.Code) };
        if (a.Code.Length == 0) a.Code = await NextCodeAsync(ct);
        Apply(a, input);
        db.Actions.Add(a);
        SyncChildren(a, input, [], []);
        return a;
    }

    public async Task<PolicyAction> CreateAsync(ActionInput input, CancellationToken ct)
    {
        var a = await AddAsync(input, ct);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>Applies the input over the version the user saw (not saved).</summary>
    public async Task ChangeAsync(PolicyAction a, ActionInput input, CancellationToken ct)
    {
        db.ExpectVersion(a, input.Version ?? a.Version);
        var (milestones, budgets) = await ChildrenAsync(a.Id, ct);
        if (!string.IsNullOrWhiteSpace(input.Code)) a.Code = ActionInput.NormalizeCode(input.Code);
        Apply(a, input);
        SyncChildren(a, input, milestones, budgets);
        // A change to milestones or budget lines alone is still a change of the action: bump its version,
        // so that a stale edit of the children is refused like any other.
        var entry = db.Entry(a);
        if (entry.State == EntityState.Unchanged && db.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity switch { ActionMilestone m => m.ActionId == a.Id, ActionBudget b => b.ActionId == a.Id, _ => false }))
            entry.Property(x => x.Version).IsModified = true;
    }

    /// <summary>Whether a reactive action can be attached to this objective; the errors name ObjectiveId.</summary>
    public async Task<ValidationResult> ValidateAttachAsync(PolicyAction a, Guid? objectiveId, CancellationToken ct)
    {
        var result = new ValidationResult();
        if (a.Origin != ActionOrigin.Reactive)
            result.Errors.Add(new ValidationFailure("ObjectiveId", L["Only a reactive action is attached to an objective; a planned one already serves its objective."]));
        else if (a.ObjectiveId is not null)
            result.Errors.Add(new ValidationFailure("ObjectiveId", L["This action is already attached to an objective; change it on the action's form."]));
        else if (objectiveId is null)
            result.Errors.Add(new ValidationFailure("ObjectiveId", L["Choose the objective."]));
        else if (!await db.Objectives.AnyAsync(o => o.Id == objectiveId && o.PlanId == a.PlanId, ct))
            result.Errors.Add(new ValidationFailure("ObjectiveId", L["This objective is not in the action's plan."]));
        return result;
    }

    /// <summary>
    /// Attaches a reactive action to an objective: it counts as planned from today (<see cref="PolicyAction.AttachedOn"/>),
    /// and the history shows the change. Throws DbUpdateConcurrencyException when <paramref name="version"/> is stale.
    /// </summary>
    public async Task AttachAsync(PolicyAction a, Guid objectiveId, long? version, CancellationToken ct)
    {
        db.ExpectVersion(a, version ?? a.Version);
        a.ObjectiveId = objectiveId;
        a.AttachedOn ??= Today;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Saves over the version the user saw; throws DbUpdateConcurrencyException when it is stale.</summary>
    public async Task UpdateAsync(PolicyAction a, ActionInput input, CancellationToken ct)
    {
        await ChangeAsync(a, input, ct);
        await db.SaveChangesAsync(ct);
    }

    // Milestones and budget lines stay with the action: hidden while it is in the Trash, back when it is restored.
    public Task DeleteAsync(PolicyAction a, long? version, CancellationToken ct) => db.RemoveAsync(a, version, ct);

    /// <summary>The action as saved now, after a save lost a race: forgets the unsaved changes of this request first,
    /// so that <see cref="ToDtoAsync"/> then reads the saved milestones and budget lines too.</summary>
    public Task<PolicyAction?> ReloadAsync(Guid id, CancellationToken ct) => db.FreshAsync<PolicyAction>(id, ct);

    private void Apply(PolicyAction a, ActionInput input)
    {
        var wasPlanned = a.ObjectiveId is not null;
        a.PlanId = input.PlanId!.Value;
        a.Title = input.Title.Trimmed();
        a.Description = input.Description.Trimmed();
        // The origin records how the action arrived and does not change once set; attaching a reactive
        // action to an objective makes it count as planned from that day.
        if (a.CreatedAt == default) a.Origin = input.Origin!.Value;
        a.ObjectiveId = input.ObjectiveId;
        if (a.Origin == ActionOrigin.Reactive)
        {
            if (a.ObjectiveId is not null && !wasPlanned) a.AttachedOn = Today;
            if (a.ObjectiveId is null) a.AttachedOn = null;
        }
        a.RequestedByDepartmentId = input.RequestedByDepartmentId;
        a.RequestedBy = string.IsNullOrWhiteSpace(input.RequestedBy) ? null : input.RequestedBy.Trim();
        a.RequestedOn = input.RequestedOn;
        a.Modality = input.Modality!.Value;
        a.LeadDepartmentId = input.LeadDepartmentId!.Value;
        a.InvolvedDepartmentIds = [.. input.InvolvedDepartmentIds];
        a.AxisIds = [.. input.AxisIds];
        a.Partners = [.. input.Partners];
        a.Countries = [.. input.Countries];
        a.Cities = [.. input.Cities];
        a.Start = input.Start;
        a.End = input.End;
        a.Status = input.Status!.Value;
        a.Beneficiaries = input.Beneficiaries.Trimmed();
        a.BeneficiaryCount = input.BeneficiaryCount;
        a.SdgTargets = [.. input.SdgTargets];
        a.CounterpartIds = [.. input.CounterpartIds];
        a.AgreementIds = [.. input.AgreementIds];
        a.ProjectIds = [.. input.ProjectIds];
    }

    /// <summary>Milestones match by id; budget lines by year and currency. Missing ones go to the Trash.</summary>
    private void SyncChildren(PolicyAction a, ActionInput input, List<ActionMilestone> milestones, List<ActionBudget> budgets)
    {
        var lang = tenant.DefaultLanguage;
        var keptMilestones = new HashSet<Guid>();
        foreach (var m in input.Milestones)
        {
            var existing = m.Id is { } id ? milestones.FirstOrDefault(x => x.Id == id) : null;
            if (existing is null)
            {
                existing = new ActionMilestone { ActionId = a.Id };
                db.Milestones.Add(existing);
            }
            keptMilestones.Add(existing.Id);
            var title = new LocalizedText(existing.Title.Es, existing.Title.En, existing.Title.Fr) { [lang] = m.Title!.Trim() };
            existing.Title = title;
            existing.Due = m.Due!.Value;
            existing.DoneOn = m.DoneOn;
        }
        db.Milestones.RemoveRange(milestones.Where(m => !keptMilestones.Contains(m.Id)));

        var currency = tenant.Currency;
        var keptBudgets = new HashSet<Guid>();
        foreach (var b in input.Budgets)
        {
            var cur = string.IsNullOrWhiteSpace(b.Currency) ? currency : b.Currency.Trim().ToUpperInvariant();
            var existing = budgets.FirstOrDefault(x => x.Year == b.Year && x.Currency == cur);
            if (existing is null)
            {
                existing = new ActionBudget { ActionId = a.Id, Year = b.Year!.Value, Currency = cur };
                db.Budgets.Add(existing);
            }
            keptBudgets.Add(existing.Id);
            existing.Planned = b.Planned ?? 0;
            existing.Spent = b.Spent ?? 0;
        }
        db.Budgets.RemoveRange(budgets.Where(b => !keptBudgets.Contains(b.Id)));
    }
}
