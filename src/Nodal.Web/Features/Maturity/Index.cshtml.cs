namespace Nodal.Web.Features.Maturity;

/// <summary>
/// The policy maturity self-assessment of a plan: the six attributes and nine recommendations of the paper, each
/// check with its score and evidence, and the trend across the records taken at adoption or by hand.
/// </summary>
public sealed class IndexModel(MaturityService maturity, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    public StrategicPlan Plan { get; private set; } = null!;
    public MaturityReport Report { get; private set; } = null!;
    public IReadOnlyList<MaturityRecordView> Records { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        var p = await maturity.FindPlanAsync(planId, ct);
        if (p is null) return NotFound();
        Plan = p;
        Report = await maturity.AssessAsync(p, ct);
        Records = await maturity.RecordsAsync(planId, ct);
        return Page();
    }

    /// <summary>Keeps today's assessment as a record of the trend.</summary>
    [Requires(Capability.ManageMonitoring)]
    public async Task<IActionResult> OnPostRecordAsync(Guid planId, CancellationToken ct)
    {
        var p = await maturity.FindPlanAsync(planId, ct);
        if (p is null) return NotFound();
        var record = await maturity.RecordAsync(p, null, ct);
        TempData["Notice"] = L["Today's assessment was recorded ({0}).", record.TakenOn.ToString("d", System.Globalization.CultureInfo.CurrentCulture)].Value;
        return Redirect($"/{tenant.OrganizationSlug}/plans/{planId}/maturity#trend");
    }
}
