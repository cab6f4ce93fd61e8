using Microsoft.AspNetCore.Http.HttpResults;
using Nodal.Web.Features.Plans;

namespace Nodal.Web.Features.Dashboard;

public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/plans").WithTags("Dashboards");

        g.MapGet("/{id:guid}/dashboard", async Task<Results<Ok<PlanDashboard>, NotFound<ProblemDetails>, ValidationProblem>> (
                Guid id, Guid? axis, ObjectiveFamily? family, Guid? department, string? asOf, int? page,
                PlanService plans, DashboardService dashboards, Nodal.Web.Features.Monitoring.MonitoringFacts monitoring, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var p = await plans.FindAsync(id, ct);
                if (p is null) return ApiResults.NotFound(L);
                if (!DashboardFilter.TryParseAsOf(asOf, out var day))
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["asOf"] = [L["Enter a year (2026) or a quarter (2026-Q2)."]] });
                var filter = new DashboardFilter(axis, family, department, asOf, page ?? 1);
                return TypedResults.Ok(await dashboards.ComputeAsync(p, filter, day ?? monitoring.Today, ct));
            })
            .WithName("GetPlanDashboard").WithSummary("A plan's dashboard")
            .WithDescription("The figures of the plan's dashboard: each objective's traffic light from its indicators (directly or through its actions), "
                             + "every indicator's progress, trends of the worst-off indicators (12 per page) with their targets, the policy figures, budget planned and spent "
                             + "by axis, department and year, SDG contribution, the externalities' watch and late measurements. Filters: axis, family, department "
                             + "(owner of indicators, lead of actions), asOf (a year such as 2026 or a quarter such as 2026-Q2: progress as of that period's end), page.");
        return g;
    }
}
