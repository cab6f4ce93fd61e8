using Nodal.Core.Monitoring;
using Nodal.Web.Features.History;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Indicators;

/// <summary>One indicator: what it measures, its targets (added, changed and removed here), progress, trend, measurements and history.</summary>
public sealed class DetailsModel(IndicatorService indicators, IndicatorListService list, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public Indicator Indicator { get; private set; } = null!;
    public string? PlanTitle { get; private set; }
    public string? Department { get; private set; }
    public IndicatorLink? Link { get; private set; }
    public List<IndicatorTarget> Targets { get; private set; } = [];
    public List<Measurement> Measurements { get; private set; } = [];
    public IndicatorProgress Progress { get; private set; } = null!;
    public IReadOnlyList<TrendRow> Trend { get; private set; } = [];
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public bool CanManage => tenant.Can(Capability.ManageMonitoring);

    /// <summary>The target being added or changed in the form.</summary>
    [BindProperty] public TargetInput Target { get; set; } = new();
    /// <summary>The target changed by the form; empty when adding one.</summary>
    [BindProperty] public Guid? TargetId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery] Guid? target, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (target is { } tid && Targets.FirstOrDefault(t => t.Id == tid) is { } t)
        {
            TargetId = t.Id;
            Target = new TargetInput { Period = Periods.Key(t.Period, t.Span), Span = t.Span, Value = t.Value, Text = t.Text };
        }
        else
        {
            Target = new TargetInput { Span = Indicator.Frequency };
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var i = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return false;
        Indicator = i;
        var lang = Languages.Current;
        PlanTitle = (await db.Plans.AsNoTracking().Where(p => p.Id == i.PlanId).Select(p => p.Title).FirstOrDefaultAsync(ct))?.Get(lang, tenant.DefaultLanguage);
        var dept = await db.Departments.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AsNoTracking().Where(d => d.Id == i.OwnerDepartmentId).Select(d => new { d.Code, d.Name }).FirstOrDefaultAsync(ct);
        Department = dept is null ? null : $"{dept.Code} — {dept.Name.Get(lang, tenant.DefaultLanguage)}";
        Link = (await list.LinksAsync([i], ct)).GetValueOrDefault(i.Id);
        Targets = (await db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == id).ToListAsync(ct)).OrderBy(t => t.Period).ThenBy(t => Periods.Rank(t.Span)).ToList();
        Measurements = await db.Measurements.AsNoTracking().Where(m => m.IndicatorId == id).OrderByDescending(m => m.Period).ToListAsync(ct);
        Progress = await indicators.ProgressAsync(i, ct);
        Trend = BuildTrend(i, Targets, Measurements);
        if (tenant.Can(Capability.ReadHistory))
        {
            var children = await db.IndicatorTargets.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(t => t.IndicatorId == id).Select(t => t.Id).ToListAsync(ct);
            History = await HistoryQuery.ForRecordsAsync(db, [id, .. children], ct);
        }
        return true;
    }

    /// <summary>
    /// The rows of the trend: each period of the indicator's frequency with a measurement or a target, then each year's
    /// target (for an indicator measured more often) with the validated values of that year put together.
    /// </summary>
    public static IReadOnlyList<TrendRow> BuildTrend(Indicator i, IReadOnlyList<IndicatorTarget> targets, IReadOnlyList<Measurement> measurements)
    {
        var rows = new List<TrendRow>();
        var own = targets.Where(t => t.Span == i.Frequency).ToDictionary(t => t.Period);
        var byPeriod = measurements.ToDictionary(m => m.Period);
        foreach (var p in own.Keys.Concat(byPeriod.Keys).Distinct().Order())
        {
            var m = byPeriod.GetValueOrDefault(p);
            var t = own.GetValueOrDefault(p);
            var validated = m?.Status == MeasurementStatus.Validated;
            rows.Add(new TrendRow(p, i.Frequency, validated ? m!.Value : null, validated ? MonitoringLabels.FormatValue(i, m!.Value, m.Text) : null,
                t?.Value, t is null ? null : MonitoringLabels.FormatValue(i, t.Value, t.Text), m?.Status, m?.Id));
        }
        if (i.Frequency != Frequency.Yearly)
        {
            foreach (var t in targets.Where(t => t.Span == Frequency.Yearly))
            {
                var inYear = measurements.Where(m => m.Status == MeasurementStatus.Validated && m.Value is not null && Periods.InSpan(m.Period, t.Period, Frequency.Yearly))
                    .Select(m => new ValueFacts(m.Period, m.Value!.Value)).ToList();
                var value = i.IsText ? null : Core.Monitoring.Progress.Aggregate(inYear, i.Aggregation);
                rows.Add(new TrendRow(t.Period, Frequency.Yearly, value, value is null ? null : MonitoringLabels.FormatValue(i, value, null),
                    t.Value, MonitoringLabels.FormatValue(i, t.Value, t.Text), null, null));
            }
        }
        // A year's row comes after its periods.
        return rows.OrderBy(r => Periods.EndOf(r.Period, r.Span)).ThenBy(r => Periods.Rank(r.Span)).ToList();
    }

    /// <summary>The light of one trend row: its validated value against its target, like the indicator's progress.</summary>
    public IndicatorProgress RowProgress(TrendRow row)
    {
        if (row.Target is not { } target || Indicator.IsText) return IndicatorProgress.Nothing(Indicator.Id);
        var values = Measurements.Where(m => m.Status == MeasurementStatus.Validated && m.Value is not null).Select(m => new ValueFacts(m.Period, m.Value!.Value));
        var facts = new IndicatorFacts(Indicator.Id, Indicator.Direction, Indicator.Aggregation, Indicator.Frequency, Indicator.BaselineValue);
        return Core.Monitoring.Progress.Compute(facts, [new TargetFacts(row.Period, row.Span, target)], values, Periods.EndOf(row.Period, row.Span));
    }

    [Requires(Capability.ManageMonitoring)]
    public async Task<IActionResult> OnPostTargetAsync(Guid id, long? version, CancellationToken ct)
    {
        var i = await indicators.FindAsync(id, ct);
        if (i is null) return NotFound();
        var stored = await indicators.TargetsAsync(id, ct);
        IndicatorTarget? existing = null;
        if (TargetId is { } tid && (existing = stored.FirstOrDefault(t => t.Id == tid)) is null) return NotFound();
        var (validation, parsed) = indicators.ValidateTargets(i, [Target], stored.Where(t => t != existing), _ => "");
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, prefix: nameof(Target));
            await LoadAsync(id, ct);
            return Page();
        }
        db.ExpectVersion(i, version ?? i.Version);
        indicators.SetTarget(i, existing, parsed[0]);
        try
        {
            await indicators.SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = L["Someone else changed this indicator after you loaded it. Review its targets and try again."].Value;
            return Redirect($"/{tenant.OrganizationSlug}/indicators/{id}#targets");
        }
        TempData["Notice"] = (existing is null ? L["The target was added."] : L["The target was saved."]).Value;
        return Redirect($"/{tenant.OrganizationSlug}/indicators/{id}#targets");
    }

    [Requires(Capability.ManageMonitoring)]
    public async Task<IActionResult> OnPostRemoveTargetAsync(Guid id, Guid targetId, long? version, CancellationToken ct)
    {
        var i = await indicators.FindAsync(id, ct);
        if (i is null) return NotFound();
        var t = await indicators.FindTargetAsync(id, targetId, ct);
        if (t is null) return NotFound();
        db.ExpectVersion(i, version ?? i.Version);
        indicators.RemoveTarget(i, t);
        try
        {
            await indicators.SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = L["Someone else changed this indicator after you loaded it. Review its targets and try again."].Value;
            return Redirect($"/{tenant.OrganizationSlug}/indicators/{id}#targets");
        }
        TempData["Notice"] = L["The target was moved to the Trash. You can restore it from there."].Value;
        return Redirect($"/{tenant.OrganizationSlug}/indicators/{id}#targets");
    }

    [Requires(Capability.ManageMonitoring)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var i = await indicators.FindAsync(id, ct);
        if (i is null) return NotFound();
        var org = tenant.OrganizationSlug;
        try
        {
            if (!await indicators.TryDeleteAsync(i, version, ct))
            {
                TempData["Notice"] = L["Measurements were entered for this indicator: move them to the Trash first."].Value;
                return Redirect($"/{org}/indicators/{id}");
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = L["Someone else changed this record after you loaded it. Review it before deleting."].Value;
            return Redirect($"/{org}/indicators/{id}");
        }
        TempData["Notice"] = L["{0} was moved to the Trash. You can restore it from there.", i.Describe(Languages.Current)].Value;
        return Redirect($"/{org}/indicators?plan={i.PlanId}");
    }

    /// <summary>The first error of a field, for the fields the page writes by hand.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
