using Microsoft.AspNetCore.Mvc.ViewComponents;
using Nodal.Core.Monitoring;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Indicators;

/// <summary>What the objective's page shows of its indicators.</summary>
public sealed record ObjectiveIndicatorsView(Guid PlanId, Guid ObjectiveId, IReadOnlyList<IndicatorStatus> Indicators, ObjectiveProgress Progress);

/// <summary>
/// The indicators of an objective with their lights, and a warning when it has none (an objective without an
/// indicator cannot be evaluated). Shown on the objective's page: <c>@await Component.InvokeAsync("ObjectiveIndicators", new { planId, objectiveId })</c>.
/// </summary>
public sealed class ObjectiveIndicatorsViewComponent(MonitoringFacts facts, NodalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid planId, Guid objectiveId)
    {
        var ids = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId && i.ObjectiveId == objectiveId).Select(i => i.Id).ToListAsync();
        IReadOnlyList<IndicatorStatus> statuses = ids.Count == 0 ? [] : await facts.ProgressAsync(planId, only: ids);
        var view = new ObjectiveIndicatorsView(planId, objectiveId, statuses, Progress.Objective(statuses.Select(s => s.Progress).ToList()));
        return View("~/Features/Indicators/_ObjectiveIndicators.cshtml", view);
    }
}
