namespace Nodal.Web.Features.Plans;

/// <summary>Plans, their territorial analysis, axes, objectives, versions and figures.</summary>
public sealed class PlanService;
