using Nodal.Core.Monitoring;

namespace Nodal.Web.Features.Indicators;

/// <summary>Adds an indicator (/indicators/new) or changes one (/indicators/{id}/edit).</summary>
[Requires(Capability.ManageMonitoring)]
public sealed class EditModel(IndicatorService indicators, IndicatorListService list, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public IndicatorInput Input { get; set; } = new();
    public Indicator? Existing { get; private set; }
    /// <summary>Set when the save lost a race: what the other person saved.</summary>
    public Indicator? Current { get; private set; }
    public IndicatorLookups Lookups { get; private set; } = null!;
    /// <summary>Measurements entered for the indicator: its frequency, kind and scale are then fixed.</summary>
    public int MeasurementCount { get; private set; }

    /// <summary>/indicators/new?plan=…&amp;objective=… starts there.</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? plan, [FromQuery] Guid? objective, CancellationToken ct)
    {
        if (Id is null)
        {
            Input = new IndicatorInput
            {
                PlanId = plan ?? await list.CurrentPlanIdAsync(ct),
                Code = await indicators.NextCodeAsync(ct),
                Kind = IndicatorKind.Quantitative,
                Frequency = Frequency.Yearly,
                Direction = Direction.HigherIsBetter,
                Aggregation = Aggregation.Last,
                GraceDays = 30,
                ObjectiveId = objective,
                OwnerDepartmentId = tenant.DepartmentId,
            };
        }
        else
        {
            var i = await indicators.FindAsync(Id.Value, ct);
            if (i is null) return NotFound();
            Existing = i;
            Input = IndicatorInput.From(i);
            MeasurementCount = await indicators.MeasurementCountAsync(i.Id, ct);
        }
        Lookups = await list.LookupsAsync(Input.PlanId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Indicator? i = null;
        if (Id is not null)
        {
            i = await indicators.FindAsync(Id.Value, ct);
            if (i is null) return NotFound();
            Existing = i;
            MeasurementCount = await indicators.MeasurementCountAsync(i.Id, ct);
        }
        Lookups = await list.LookupsAsync(Input.PlanId, ct);
        if (!ModelState.IsValid) return Page();
        var validation = await indicators.ValidateAsync(Input, i, ct);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }
        if (i is null)
        {
            i = await indicators.CreateAsync(Input, ct);
            TempData["Notice"] = L["The indicator {0} was added.", i.Describe(Languages.Current)].Value;
            return Redirect($"/{tenant.OrganizationSlug}/indicators/{i.Id}");
        }
        try
        {
            await indicators.UpdateAsync(i, Input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Current = await indicators.ReloadAsync(i.Id, ct);
            if (Current is null) return NotFound();
            Input.Version = Current.Version;
            ModelState.Remove("Input.Version");
            ModelState.AddModelError("", L["Someone else changed this record after you loaded it. Your changes were not saved."]);
            return Page();
        }
        TempData["Notice"] = L["The indicator {0} was saved.", i.Describe(Languages.Current)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/indicators/{i.Id}");
    }

    /// <summary>The first error of a field, for the fields the page writes by hand.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>What the form sent for a field written by hand, else the value.</summary>
    public string ValueOf(string key, string? value) =>
        ModelState.TryGetValue(key, out var entry) && entry.AttemptedValue is { } attempted ? attempted : value ?? "";
}
