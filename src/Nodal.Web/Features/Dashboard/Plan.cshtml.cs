using Nodal.Web.Features.Monitoring;
using Nodal.Web.Features.Plans;

namespace Nodal.Web.Features.Dashboard;

/// <summary>A plan's dashboard (tablero de mando), filtered by axis, family, department and as-of period.</summary>
public sealed class PlanModel(PlanService plans, DashboardService dashboards, MonitoringFacts monitoring, NodalDbContext db, TenantContext tenant) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Axis { get; set; }
    [BindProperty(SupportsGet = true)] public ObjectiveFamily? Family { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int TrendPage { get; set; } = 1;

    public StrategicPlan Plan { get; private set; } = null!;
    public PlanDashboard Dashboard { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Axes { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Departments { get; private set; } = [];
    public string? AsOfError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var p = await plans.FindAsync(id, ct);
        if (p is null) return NotFound();
        Plan = p;
        var lang = Languages.Current;
        Axes = (await db.Axes.AsNoTracking().Where(a => a.PlanId == id).OrderBy(a => a.Kind).ThenBy(a => a.Priority).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id, a.Name.Get(lang, tenant.DefaultLanguage))).ToList();
        Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct))
            .Select(d => (d.Id, $"{d.Code} — {d.Name.Get(lang, tenant.DefaultLanguage)}")).ToList();
        if (!DashboardFilter.TryParseAsOf(AsOf, out var day))
        {
            AsOfError = "Enter a year (2026) or a quarter (2026-Q2).";
            day = null;
        }
        var filter = new DashboardFilter(Axis, Family, Department, AsOfError is null ? AsOf?.Trim().ToUpperInvariant() : null, TrendPage);
        Dashboard = await dashboards.ComputeAsync(p, filter, day ?? monitoring.Today, ct);
        return Page();
    }

    /// <summary>The query string of the current filters (for paging links).</summary>
    public string FilterQuery(int page)
    {
        var parts = new List<string>();
        if (Axis is { } a) parts.Add($"axis={a}");
        if (Family is { } f) parts.Add($"family={f}");
        if (Department is { } d) parts.Add($"department={d}");
        if (Dashboard.Filter.AsOf is { } s) parts.Add($"asOf={Uri.EscapeDataString(s)}");
        parts.Add($"page={page}");
        return string.Join("&", parts);
    }
}
