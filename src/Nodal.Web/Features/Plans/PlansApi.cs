namespace Nodal.Web.Features.Plans;

public static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api) => api;
}
