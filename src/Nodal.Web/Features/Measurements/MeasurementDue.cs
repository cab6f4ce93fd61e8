using Nodal.Core.Monitoring;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Measurements;

public sealed record PlanChoice(Guid Id, string Title, int StartYear, int EndYear, bool IsCurrent);

/// <summary>A period due and not submitted: missing, or a draft, or returned (then <see cref="MeasurementId"/> points at it).</summary>
public sealed record DueItem(Guid IndicatorId, string Code, string Name, DateOnly Period, Frequency Frequency, DateOnly DueOn, int DaysLate, MeasurementStatus? Status, Guid? MeasurementId);

/// <summary>A measurement waiting on someone: submitted (the office validates) or returned (the department corrects).</summary>
public sealed record QueueItem(Measurement Measurement, Indicator Indicator);

public sealed record DueDepartment(Guid Id, string Code, string Name, bool Own, IReadOnlyList<DueItem> Missing, IReadOnlyList<QueueItem> Awaiting,
    IReadOnlyList<QueueItem> Returned, int ValidatedThisYear);

/// <summary>A department's focal points and the reminder ready to send them.</summary>
public sealed record FocalPoint(string Name, string Email);

/// <summary>
/// What is due, per department: the measurements due and missing (<see cref="MonitoringFacts.LateAsync"/>; drafts and
/// returned ones count as missing), those awaiting validation, those returned, and the year's validations.
/// </summary>
public sealed class MeasurementDueService(NodalDbContext db, TenantContext tenant, MonitoringFacts facts)
{
    public DateOnly Today => facts.Today;

    public async Task<IReadOnlyList<PlanChoice>> PlansAsync(CancellationToken ct)
    {
        var lang = Languages.Current;
        return (await db.Plans.AsNoTracking().OrderByDescending(p => p.IsCurrent).ThenByDescending(p => p.StartYear)
                .Select(p => new { p.Id, p.Title, p.StartYear, p.EndYear, p.IsCurrent }).ToListAsync(ct))
            .Select(p => new PlanChoice(p.Id, p.Title.Get(lang, tenant.DefaultLanguage), p.StartYear, p.EndYear, p.IsCurrent)).ToList();
    }

    /// <summary>The plan asked for when it exists, else the current one, else the latest.</summary>
    public static PlanChoice? Choose(IReadOnlyList<PlanChoice> plans, Guid? asked) =>
        plans.FirstOrDefault(p => p.Id == asked) ?? plans.FirstOrDefault();

    public async Task<IReadOnlyList<(Guid Id, string Code, string Name)>> DepartmentsAsync(CancellationToken ct)
    {
        var lang = Languages.Current;
        return (await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct))
            .Select(d => (d.Id, d.Code, d.Name.Get(lang, tenant.DefaultLanguage))).ToList();
    }

    /// <summary>Per department with anything to show (the user's own first), for the plan; one department when asked.</summary>
    public async Task<IReadOnlyList<DueDepartment>> ForPlanAsync(Guid planId, Guid? departmentId, CancellationToken ct)
    {
        var lang = Languages.Current;
        var late = await facts.LateAsync(planId, departmentId, ct: ct);
        var indicatorsQ = db.Indicators.AsNoTracking().Where(i => i.PlanId == planId);
        if (departmentId is { } d) indicatorsQ = indicatorsQ.Where(i => i.OwnerDepartmentId == d);
        var indicators = await indicatorsQ.ToDictionaryAsync(i => i.Id, ct);
        var ids = indicators.Keys.ToList();
        var open = await db.Measurements.AsNoTracking()
            .Where(m => ids.Contains(m.IndicatorId) && (m.Status == MeasurementStatus.Submitted || m.Status == MeasurementStatus.Returned || m.Status == MeasurementStatus.Draft))
            .ToListAsync(ct);
        var byKey = open.ToDictionary(m => (m.IndicatorId, m.Period), m => m.Id);
        var yearStart = new DateTime(Today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var validated = (await db.Measurements.AsNoTracking()
                .Where(m => ids.Contains(m.IndicatorId) && m.Status == MeasurementStatus.Validated && m.ValidatedAt >= yearStart)
                .Select(m => m.IndicatorId).ToListAsync(ct))
            .GroupBy(id => indicators[id].OwnerDepartmentId).ToDictionary(g => g.Key, g => g.Count());

        var departments = await DepartmentsAsync(ct);
        var result = new List<DueDepartment>();
        foreach (var dept in departments)
        {
            if (departmentId is { } only && dept.Id != only) continue;
            var missing = late.Where(l => l.OwnerDepartmentId == dept.Id && indicators.ContainsKey(l.IndicatorId))
                .Select(l => new DueItem(l.IndicatorId, l.IndicatorCode, indicators[l.IndicatorId].Name.Get(lang, tenant.DefaultLanguage), l.Period, l.Frequency, l.DueOn, l.DaysLate, l.Status,
                    byKey.TryGetValue((l.IndicatorId, l.Period), out var mid) ? mid : null))
                .ToList();
            QueueItem Q(Measurement m) => new(m, indicators[m.IndicatorId]);
            var awaiting = open.Where(m => m.Status == MeasurementStatus.Submitted && indicators[m.IndicatorId].OwnerDepartmentId == dept.Id)
                .OrderBy(m => m.SubmittedAt).Select(Q).ToList();
            var returned = open.Where(m => m.Status == MeasurementStatus.Returned && indicators[m.IndicatorId].OwnerDepartmentId == dept.Id)
                .OrderBy(m => indicators[m.IndicatorId].Code).ThenBy(m => m.Period).Select(Q).ToList();
            var count = validated.GetValueOrDefault(dept.Id);
            var hasIndicators = indicators.Values.Any(i => i.OwnerDepartmentId == dept.Id);
            if (!hasIndicators && departmentId is null) continue;
            result.Add(new DueDepartment(dept.Id, dept.Code, dept.Name, dept.Id == tenant.DepartmentId, missing, awaiting, returned, count));
        }
        return result.OrderByDescending(r => r.Own).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The focal points of each department (members with that role and department) with their e-mail addresses.</summary>
    public async Task<ILookup<Guid, FocalPoint>> FocalPointsAsync(CancellationToken ct)
    {
        var members = await db.Memberships.AsNoTracking().Where(m => m.Role == OrgRole.FocalPoint && m.DepartmentId != null)
            .Select(m => new { m.UserId, m.DepartmentId }).ToListAsync(ct);
        var userIds = members.Select(m => m.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        return members.Where(m => users.TryGetValue(m.UserId, out var u) && !string.IsNullOrWhiteSpace(u.Email))
            .OrderBy(m => users[m.UserId].DisplayName)
            .ToLookup(m => m.DepartmentId!.Value, m => new FocalPoint(string.IsNullOrWhiteSpace(users[m.UserId].DisplayName) ? users[m.UserId].Email! : users[m.UserId].DisplayName, users[m.UserId].Email!));
    }
}
