namespace Nodal.Web.Features.Monitoring;

/// <summary>The front page of measurement and evaluation: where each part lives, and what is waiting.</summary>
public sealed class IndexModel(NodalDbContext db) : PageModel
{
    public Guid? CurrentPlanId { get; private set; }
    public int Indicators { get; private set; }
    public int AwaitingValidation { get; private set; }
    public int Evaluations { get; private set; }
    public int GoodPractices { get; private set; }
    public int Externalities { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CurrentPlanId = await db.Plans.Where(p => p.IsCurrent).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
            ?? await db.Plans.OrderByDescending(p => p.StartYear).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        Indicators = await db.Indicators.CountAsync(ct);
        AwaitingValidation = await db.Measurements.CountAsync(m => m.Status == Nodal.Core.Monitoring.MeasurementStatus.Submitted, ct);
        Evaluations = await db.Evaluations.CountAsync(ct);
        GoodPractices = await db.Evaluations.CountAsync(e => e.IsGoodPractice, ct);
        Externalities = await db.Externalities.CountAsync(ct);
    }
}
