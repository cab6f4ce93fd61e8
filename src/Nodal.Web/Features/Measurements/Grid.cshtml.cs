using System.Globalization;
using Nodal.Core.Monitoring;

namespace Nodal.Web.Features.Measurements;

/// <summary>One editable row of the grid, as posted.</summary>
public sealed class GridRowInput
{
    public Guid IndicatorId { get; set; }
    public string? Period { get; set; }
    public string? Value { get; set; }
    public string? Text { get; set; }
    public string? Note { get; set; }
    public long? Version { get; set; }
}

/// <summary>A row as shown: the indicator, its period for the chosen day, the measurement already there, and whether it can be typed in.</summary>
public sealed record GridRow(Indicator Indicator, DateOnly? Period, Measurement? Existing, bool Editable, int? Index);

/// <summary>
/// Bulk entry for one department (/measurements/grid?department=&amp;plan=&amp;on=): every indicator of the department
/// in the plan, with the period of its frequency containing the chosen day (by default each one's last due period).
/// Saved all or nothing; validated rows are read-only here (the office corrects them on their own page).
/// </summary>
[Requires(Capability.EnterMeasurements)]
public sealed class GridModel(MeasurementService measurements, MeasurementDueService due, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromQuery(Name = "plan")] public Guid? PlanId { get; set; }
    [FromQuery(Name = "department")] public Guid? DepartmentId { get; set; }
    [FromQuery(Name = "on")] public DateOnly? On { get; set; }
    [BindProperty] public List<GridRowInput> Rows { get; set; } = [];

    public IReadOnlyList<PlanChoice> Plans { get; private set; } = [];
    public PlanChoice? Plan { get; private set; }
    public IReadOnlyList<(Guid Id, string Code, string Name)> Departments { get; private set; } = [];
    public IReadOnlyList<GridRow> Grid { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        Rows = Grid.Where(r => r.Editable).Select(r => new GridRowInput
        {
            IndicatorId = r.Indicator.Id,
            Period = Periods.Key(r.Period!.Value, r.Indicator.Frequency),
            Value = r.Existing is null ? null : MeasurementInput.From(r.Existing, r.Indicator).Value,
            Text = r.Existing?.Text,
            Note = r.Existing?.Note,
            Version = r.Existing?.Version,
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? mode, CancellationToken ct)
    {
        var posted = Rows;
        if (await LoadAsync(ct) is { } refused) return refused;
        Rows = posted;
        var submit = mode == "submit";
        var editable = Grid.Where(r => r.Editable).ToDictionary(r => (r.Indicator.Id, Periods.Key(r.Period!.Value, r.Indicator.Frequency)));
        var plannedChanges = new List<(GridRow Row, MeasurementValues? Values, long? Version)>();
        for (var k = 0; k < Rows.Count; k++)
        {
            var input = Rows[k];
            if (!editable.TryGetValue((input.IndicatorId, input.Period ?? ""), out var row))
            {
                // A row the page did not offer: another department's indicator, a validated measurement, a period out of range.
                var indicator = await measurements.IndicatorAsync(input.IndicatorId, ct);
                if (indicator is not null && !measurements.CanEnter(indicator)) return Forbid();
                ModelState.AddModelError($"Rows[{k}].Value", L["This row cannot be changed here."]);
                continue;
            }
            var typed = !string.IsNullOrWhiteSpace(input.Value) || !string.IsNullOrWhiteSpace(input.Text);
            if (!typed)
            {
                if (row.Existing is not null && !string.IsNullOrWhiteSpace(input.Note) && input.Note.Trim() != (row.Existing.Note ?? ""))
                    ModelState.AddModelError($"Rows[{k}].Value", L["Enter the value."]);
                else if (submit && row.Existing is { Status: MeasurementStatus.Draft or MeasurementStatus.Returned })
                    plannedChanges.Add((row, null, input.Version));
                continue;
            }
            var full = new MeasurementInput
            {
                IndicatorId = input.IndicatorId, Period = input.Period, Value = input.Value, Text = input.Text, Note = input.Note, Version = input.Version,
                // What the grid does not show stays as it is.
                Breakdown = row.Existing is null ? [] : MeasurementInput.From(row.Existing, row.Indicator).Breakdown,
                EvidenceUrl = row.Existing?.EvidenceUrl,
            };
            var (result, values) = await measurements.CheckAsync(full, row.Existing, ct);
            foreach (var e in result.Errors)
            {
                var field = e.PropertyName is nameof(MeasurementInput.Text) or nameof(MeasurementInput.Note) ? e.PropertyName : nameof(MeasurementInput.Value);
                ModelState.AddModelError($"Rows[{k}].{field}", e.ErrorMessage);
            }
            if (values is not null) plannedChanges.Add((row, values, input.Version));
        }
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("", L["Some rows have errors: nothing was saved."]);
            return Page();
        }

        int saved = 0, submitted = 0;
        try
        {
            foreach (var (row, values, version) in plannedChanges)
            {
                var m = row.Existing is null ? null : await measurements.FindAsync(row.Existing.Id, ct);
                if (values is not null)
                {
                    if (m is null) m = measurements.Add(values);
                    else if (!MeasurementService.Same(m, values)) measurements.Change(m, values, version);
                    else db.ExpectVersion(m, version ?? m.Version);
                    saved++;
                }
                if (submit && m is { Status: MeasurementStatus.Draft or MeasurementStatus.Returned })
                {
                    if (values is null) db.ExpectVersion(m, version ?? m.Version);
                    measurements.Submit(m);
                    submitted++;
                }
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", L["Someone changed these measurements while you were typing. Nothing was saved; review the grid and save again."]);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Notice"] = L["{0} measurements saved, {1} submitted for validation.", saved, submitted].Value;
        return Redirect($"/{tenant.OrganizationSlug}/measurements/grid?plan={Plan!.Id}&department={DepartmentId}" + (On is { } on ? $"&on={on:yyyy-MM-dd}" : ""));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Plans = await due.PlansAsync(ct);
        Plan = MeasurementDueService.Choose(Plans, PlanId);
        Departments = await due.DepartmentsAsync(ct);
        if (!tenant.Can(Capability.ManageDepartments))
        {
            if (tenant.DepartmentId is not { } own) return Forbid();
            if (DepartmentId is { } asked && asked != own) return Forbid();
            DepartmentId = own;
        }
        if (DepartmentId is { } d && Departments.All(x => x.Id != d)) return NotFound();
        if (Plan is null) return null;
        if (DepartmentId is null)
        {
            var withIndicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == Plan.Id).Select(i => i.OwnerDepartmentId).Distinct().ToListAsync(ct);
            DepartmentId = Departments.Select(x => x.Id).FirstOrDefault(withIndicators.Contains);
            if (DepartmentId == Guid.Empty) DepartmentId = Departments.FirstOrDefault().Id;
        }
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == Plan.Id && i.OwnerDepartmentId == DepartmentId).OrderBy(i => i.Code).ToListAsync(ct);
        var ids = indicators.Select(i => i.Id).ToList();
        var existing = await db.Measurements.AsNoTracking().Where(m => ids.Contains(m.IndicatorId)).ToListAsync(ct);
        var byKey = existing.ToDictionary(m => (m.IndicatorId, m.Period));
        var today = measurements.Today;
        var rows = new List<GridRow>();
        var index = 0;
        foreach (var i in indicators)
        {
            var allowed = MeasurementService.PeriodsOf(i, Plan.StartYear, Plan.EndYear, today);
            DateOnly? period = On is { } on
                ? Periods.StartOf(on, i.Frequency)
                : Periods.DueBy(i.FirstPeriod ?? new DateOnly(Plan.StartYear, 1, 1), today, i.Frequency, i.GraceDays).Select(p => (DateOnly?)p).LastOrDefault() ?? allowed.LastOrDefault();
            if (period is { } p && !allowed.Contains(p)) period = null;
            var m = period is { } pp ? byKey.GetValueOrDefault((i.Id, pp)) : null;
            var editable = period is not null && measurements.CanEnter(i) && m?.Status != MeasurementStatus.Validated;
            rows.Add(new GridRow(i, period, m, editable, editable ? index++ : null));
        }
        Grid = rows;
        return null;
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
