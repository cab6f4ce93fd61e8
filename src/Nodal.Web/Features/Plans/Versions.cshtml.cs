namespace Nodal.Web.Features.Plans;

/// <summary>The frozen versions of a plan, and two of them (or one and the plan as it is now) side by side.</summary>
public sealed class VersionsModel(PlanService plans, NodalDbContext db) : PageModel
{
    public const string Now = "now";

    public StrategicPlan Plan { get; private set; } = null!;
    public IReadOnlyList<PlanVersion> Versions { get; private set; } = [];
    [FromQuery] public string? From { get; set; }
    [FromQuery] public string? To { get; set; }
    public IReadOnlyList<ItemChange>? Changes { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var p = await plans.FindAsync(id, ct);
        if (p is null) return NotFound();
        Plan = p;
        Versions = await plans.VersionsAsync(id, ct);
        if (Versions.Count == 0) return Page();
        // By default: the latest version against the plan as it is now.
        From ??= Versions[0].Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        To ??= Now;
        var before = await SnapshotAsync(From, ct);
        var after = await SnapshotAsync(To, ct);
        if (before is null || after is null) return NotFound();
        Changes = PlanComparison.Compare(before, after);
        return Page();
    }

    private async Task<PlanSnapshot?> SnapshotAsync(string which, CancellationToken ct)
    {
        if (which == Now) return await PlanSnapshot.TakeAsync(db, Plan, ct);
        var v = int.TryParse(which, out var n) ? Versions.FirstOrDefault(x => x.Number == n) : null;
        return v is null ? null : PlanSnapshot.FromJson(v.Snapshot);
    }
}
