using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Nodal.Web.Features.Actions;
using Nodal.Web.Features.Actions.Spreadsheet;
using Nodal.Web.Features.Departments;
using Nodal.Web.Features.Plans;
using Nodal.Web.Features.Relations;
using Nodal.Web.Features.Office;
using Nodal.Web.Features.Organizations;
using Nodal.Web.Features.Trash;
using Nodal.Web.Seeding;

namespace Nodal.Web.Infrastructure;

/// <summary>Where each feature registers its services and its API: a new feature adds one line to each.</summary>
public static class Wiring
{
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        services.AddScoped<DepartmentService>();
        services.AddScoped<OrganizationService>();
        services.AddScoped<OfficeService>();
        services.AddScoped<TrashService>();
        services.AddScoped<OrganizationSwitcher>();
        services.AddScoped<Nodal.Web.Features.Members.MemberService>();
        services.AddScoped<PlanService>();
        services.AddScoped<PlanFiguresService>();
        services.AddScoped<ActionService>();
        services.AddScoped<ActionListService>();
        services.AddScoped<Nodal.Web.Features.Counterparts.CounterpartService>();
        services.AddScoped<Nodal.Web.Features.Counterparts.CounterpartListService>();
        services.AddScoped<Nodal.Web.Features.Counterparts.CounterpartSpreadsheet>();
        services.AddScoped<ActionSpreadsheet>();
        services.AddScoped<RelationLookups>();
        services.AddScoped<Nodal.Web.Features.Monitoring.MonitoringFacts>();
        services.AddScoped<Nodal.Web.Features.Indicators.IndicatorService>(); services.AddScoped<Nodal.Web.Features.Indicators.IndicatorListService>();
        services.AddScoped<Nodal.Web.Features.Missions.MissionService>();
        services.AddScoped<Nodal.Web.Features.Missions.MissionListService>();
        services.AddScoped<Nodal.Web.Features.Calendar.CalendarService>();
        services.AddScoped<Nodal.Web.Features.Memberships.MembershipService>();
        services.AddScoped<Nodal.Web.Features.Agreements.AgreementService>();
        services.AddScoped<Nodal.Web.Features.Agreements.AgreementListService>();
        services.AddScoped<Nodal.Web.Features.Agreements.AgreementDocumentService>();
        services.AddScoped<Nodal.Web.Features.Agreements.AgreementSpreadsheet>();
        services.AddScoped<Nodal.Web.Features.Projects.ProjectService>(); services.AddScoped<Nodal.Web.Features.Projects.ProjectListService>(); services.AddScoped<Nodal.Web.Features.Projects.Iati.IatiExporter>(); services.AddScoped<Nodal.Web.Features.Projects.Iati.IatiImporter>();
        services.AddScoped<Nodal.Web.Features.Map.MapService>();
        services.AddScoped<Nodal.Web.Features.Alliances.AllianceService>();
        services.AddScoped<Nodal.Web.Features.Evaluations.EvaluationService>(); services.AddScoped<Nodal.Web.Features.Evaluations.EvaluationListService>(); services.AddScoped<Nodal.Web.Features.Evaluations.GoodPracticeService>();
        services.AddScoped<Nodal.Web.Features.Externalities.ExternalityService>(); services.AddScoped<Nodal.Web.Features.Externalities.ExternalityWatch>();
        services.AddScoped<Nodal.Web.Features.Maturity.MaturityService>();
        services.AddScoped<StoredFiles>();
        services.AddScoped<Nodal.Web.Features.Measurements.MeasurementService>(); services.AddScoped<Nodal.Web.Features.Measurements.MeasurementDueService>(); services.AddScoped<Nodal.Web.Features.Measurements.MeasurementSpreadsheet>();
        services.AddMemoryCache(); services.AddScoped<Nodal.Web.Features.Dashboard.PlanFactsCache>(); services.AddScoped<Nodal.Web.Features.Dashboard.DashboardService>(); services.AddScoped<Nodal.Web.Features.Dashboard.DepartmentDashboardService>();
        services.AddScoped<Seeder>();
        return services;
    }

    public static void MapNodalApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization("Api")
            .AddEndpointFilter<ApiTransactionFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapOrganizationApi();
        api.MapOrganizationsAdminApi();
        api.MapDepartmentsApi();
        api.MapOfficeApi();
        api.MapTrashApi();
        Nodal.Web.Features.History.HistoryApi.MapHistoryApi(api);
        api.MapPlansApi();
        api.MapActionsApi();
        api.MapActionSpreadsheetApi();
        Nodal.Web.Features.Missions.MissionsApi.MapMissionsApi(api);
        Nodal.Web.Features.Calendar.CalendarApi.MapCalendarApi(api);
        Nodal.Web.Features.Calendar.CalendarApi.MapCalendarFeed(app);
        Nodal.Web.Features.Memberships.MembershipsApi.MapMembershipsApi(api);
        Nodal.Web.Features.Counterparts.CounterpartsApi.MapCounterpartsApi(api);
        Nodal.Web.Features.Agreements.AgreementsApi.MapAgreementsApi(api);
        Nodal.Web.Features.Projects.ProjectsApi.MapProjectsApi(api);
        Nodal.Web.Features.Map.MapApi.MapMapApi(api);
        Nodal.Web.Features.Alliances.AlliancesApi.MapAlliancesApi(api);
        Nodal.Web.Features.Evaluations.EvaluationsApi.MapEvaluationsApi(api);
        Nodal.Web.Features.Externalities.ExternalitiesApi.MapExternalitiesApi(api);
        Nodal.Web.Features.Indicators.IndicatorsApi.MapIndicatorsApi(api);
        Nodal.Web.Features.Maturity.MaturityApi.MapMaturityApi(api);
        Nodal.Web.Features.Measurements.MeasurementsApi.MapMeasurementsApi(api);
        Nodal.Web.Features.Dashboard.DashboardApi.MapDashboardApi(api);
    }

    public static IServiceCollection AddNodalOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info = new OpenApiInfo
                {
                    Title = "Nodal API",
                    Version = "v1",
                    Description = "Nodal: international action of a city or metropolitan government as a public policy. "
                                  + "Every call acts inside the organization the personal access token was issued in.",
                    Contact = new OpenApiContact { Name = "Nodal", Url = new Uri("https://nodal.example.org") },
                    License = new OpenApiLicense { Name = "Proprietary" },
                };
                doc.Servers = [new OpenApiServer { Url = "/", Description = "This Nodal server" }];
                doc.Components ??= new OpenApiComponents();
                doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                doc.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal access token (nodal_…) created on your profile page or with `tokens create`.",
                };
                doc.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", doc)] = [] }];
                doc.Tags = new HashSet<OpenApiTag>
                {
                    new() { Name = "Organization", Description = "The organization's profile." },
                    new() { Name = "Departments", Description = "The government's departments and their focal points." },
                    new() { Name = "Office", Description = "The international relations office: units, staff and budget per year." },
                    new() { Name = "Trash", Description = "Deleted records, and restoring them." },
                    new() { Name = "Plans", Description = "Strategic plans: territorial analysis, axes, objectives, adoption and versions, and the figures computed from them." },
                    new() { Name = "Actions", Description = "Planned and reactive actions with their milestones and budgets; spreadsheets in and out." },
                    new() { Name = "Counterparts", Description = "Partner cities, networks, organizations and their contacts; the world-city gazetteer." },
                    new() { Name = "Agreements", Description = "Twinning, friendship and cooperation agreements, their documents and activity ledger." },
                    new() { Name = "Networks", Description = "Memberships of city networks with roles held and reports due; city alliances and declarations." },
                    new() { Name = "Projects", Description = "Cooperation projects with partners and transactions; IATI 2.03 export and import." },
                    new() { Name = "Evaluations", Description = "Impact and process evaluations, systematizations, the follow-up of their recommendations, and the library of good practices." },
                    new() { Name = "Missions", Description = "Outbound missions, inbound visits and international events; the calendar." },
                    new() { Name = "Externalities", Description = "Negative externalities of the international action: drivers, who gains and who pays, indicators watching them and mitigation measures." },
                    new() { Name = "Indicators", Description = "Indicators of measurement and evaluation with their targets and progress to target." },
                    new() { Name = "Maturity", Description = "The policy maturity self-assessment of a plan: the paper's six attributes and nine recommendations as checks with evidence, and its records." },
                    new() { Name = "Measurements", Description = "Indicator values per period: entered by departments, submitted, validated or returned; evidence files." },
                    new() { Name = "Dashboards", Description = "A plan's dashboard: objectives' traffic lights, indicator trends, budget, SDG contribution, externalities and late measurements." },
                };
                return Task.CompletedTask;
            });
        });

    /// <summary>No inline script, nothing from elsewhere: the page only runs what Nodal serves.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var h = ctx.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "same-origin";
        h.XFrameOptions = "DENY";
        h.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/api/docs")
            // The API reference (Scalar) writes its configuration and styles inline; it still talks only to Nodal.
            ? "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"
            : "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
        await next();
    });

    public static bool IsHtmx(this HttpRequest request) => request.Headers.ContainsKey("HX-Request");
}
