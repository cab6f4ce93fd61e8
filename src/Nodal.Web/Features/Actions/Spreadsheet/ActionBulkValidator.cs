using FluentValidation.Results;

namespace Nodal.Web.Features.Actions.Spreadsheet;

/// <summary>
/// <see cref="ActionService.ValidateAsync"/> for many inputs at once: the same field rules and the same
/// reference checks with the same messages, against references loaded once (the plan's objectives and
/// axes, the organization's departments and action codes) instead of a few queries per input.
/// A test checks that both give the same errors.
/// </summary>
public sealed class ActionBulkValidator
{
    private readonly TenantContext _tenant;
    private readonly IStringLocalizer L;
    private readonly ActionValidator _creating, _changing;
    private readonly IReadOnlySet<Guid> _plans, _departments;
    private readonly IReadOnlyDictionary<Guid, Guid> _objectivePlan, _axisPlan;
    private readonly IReadOnlyDictionary<string, (Guid Id, bool Deleted)> _codes;

    private ActionBulkValidator(TenantContext tenant, IStringLocalizer localizer, IReadOnlySet<Guid> plans, IReadOnlySet<Guid> departments,
        IReadOnlyDictionary<Guid, Guid> objectivePlan, IReadOnlyDictionary<Guid, Guid> axisPlan, IReadOnlyDictionary<string, (Guid, bool)> codes)
    {
        _tenant = tenant;
        L = localizer;
        _creating = new ActionValidator(localizer, tenant.DefaultLanguage, requireVersion: false);
        _changing = new ActionValidator(localizer, tenant.DefaultLanguage, requireVersion: true);
        (_plans, _departments, _objectivePlan, _axisPlan, _codes) = (plans, departments, objectivePlan, axisPlan, codes);
    }

    /// <summary>Loads the references of the current organization: five queries, whatever the number of inputs.</summary>
    public static async Task<ActionBulkValidator> LoadAsync(NodalDbContext db, TenantContext tenant, IStringLocalizer L, CancellationToken ct)
    {
        var plans = (await db.Plans.AsNoTracking().Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var departments = (await db.Departments.AsNoTracking().Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var objectives = await db.Objectives.AsNoTracking().Select(o => new { o.Id, o.PlanId }).ToDictionaryAsync(o => o.Id, o => o.PlanId, ct);
        var axes = await db.Axes.AsNoTracking().Select(a => new { a.Id, a.PlanId }).ToDictionaryAsync(a => a.Id, a => a.PlanId, ct);
        var codes = new Dictionary<string, (Guid, bool)>();
        foreach (var a in await db.Actions.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AsNoTracking()
                     .Select(a => new { a.Code, a.Id, a.DeletedAt }).ToListAsync(ct))
        {
            // A live action wins over one in the Trash with the same code (which the unique index forbids anyway).
            if (!codes.TryGetValue(a.Code, out var known) || known.Item2) codes[a.Code] = (a.Id, a.DeletedAt is not null);
        }
        return new ActionBulkValidator(tenant, L, plans, departments, objectives, axes, codes);
    }

    /// <summary>The same result as <see cref="ActionService.ValidateAsync"/> for this input (which it compacts likewise).</summary>
    public ValidationResult Validate(ActionInput input, Guid? existingId)
    {
        input.Compact();
        var result = (existingId is null ? _creating : _changing).Validate(input);
        void Fail(string field, string message)
        {
            if (!result.Errors.Any(e => e.PropertyName == field)) result.Errors.Add(new ValidationFailure(field, message));
        }

        if (input.PlanId is { } planId && !_plans.Contains(planId))
            Fail(nameof(ActionInput.PlanId), L["This plan does not exist."]);
        if (input.ObjectiveId is { } objectiveId && !(_objectivePlan.TryGetValue(objectiveId, out var objectivePlan) && objectivePlan == input.PlanId))
            Fail(nameof(ActionInput.ObjectiveId), L["This objective is not in the action's plan."]);

        if (input.LeadDepartmentId is { } l && !_departments.Contains(l)) Fail(nameof(ActionInput.LeadDepartmentId), L["This department does not exist."]);
        if (input.RequestedByDepartmentId is { } r && !_departments.Contains(r)) Fail(nameof(ActionInput.RequestedByDepartmentId), L["This department does not exist."]);
        if (input.InvolvedDepartmentIds.Any(i => !_departments.Contains(i))) Fail(nameof(ActionInput.InvolvedDepartmentIds), L["One of these departments does not exist."]);
        if (input.AxisIds.Any(a => !(_axisPlan.TryGetValue(a, out var axisPlan) && axisPlan == input.PlanId)))
            Fail(nameof(ActionInput.AxisIds), L["One of these axes is not in the action's plan."]);

        var code = ActionInput.NormalizeCode(input.Code);
        if (code.Length > 0 && !result.Errors.Any(e => e.PropertyName == nameof(ActionInput.Code))
            && _codes.TryGetValue(code, out var clash) && clash.Id != existingId)
            Fail(nameof(ActionInput.Code), clash.Deleted
                ? L["An action in the Trash uses this code; restore it or choose another code."]
                : L["Another action already uses this code."]);

        if (input.LeadDepartmentId is { } leadId && !_tenant.CanEditDepartment(leadId))
            Fail(nameof(ActionInput.LeadDepartmentId), L["You can only lead actions from your own department."]);
        return result;
    }
}
