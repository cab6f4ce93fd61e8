using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nodal.Core;
using Nodal.Core.Monitoring;
using Nodal.Core.Organizations;
using Nodal.Core.Policy;
using Nodal.Core.Relations;
using Nodal.Data;
using Nodal.Web.Infrastructure;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>
/// The tenant boundary and the roles, on every route the application maps — found by enumerating its
/// endpoints, not from a list written by hand, so a route added tomorrow is checked tomorrow. For every
/// route carrying a record id, a coherent set of Solmar's records (a plan with its axis, a project with
/// its partner…) is copied into Costa Alta; the admin, a member of both, holds a Solmar token and a
/// Solmar page session. Solmar's own ids must answer (the fixture is right), Costa Alta's must answer 404
/// on every method and page handler, and nothing of Costa Alta may change.
/// </summary>
public abstract class EveryRouteTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Viewer = "concejal@solmar.example";

    /// <summary>A kind of record a route segment names, how to copy it and what it hangs from.</summary>
    private sealed record Kind(string Segment, string? TrashKind, string? Parent,
        Func<NodalDbContext, Guid, Task<TenantEntity>> Load, Action<TenantEntity, Guid>? SetParent = null);

    private static Kind Of<T>(string segment, string? trashKind, string? parent = null, Action<T, Guid>? setParent = null) where T : TenantEntity =>
        new(segment, trashKind, parent,
            async (db, id) => await db.Set<T>().IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == id), // deleted ones too
            setParent is null ? null : (e, p) => setParent((T)e, p));

    private static readonly Kind[] Kinds =
    [
        Of<Department>("departments", "Department"),
        Of<OfficeUnit>("units", "OfficeUnit"),
        Of<OfficeYear>("years", "OfficeYear"),
        Of<Membership>("members", null),
        Of<StrategicPlan>("plans", "Plan"),
        Of<AnalysisItem>("analysis", "AnalysisItem", "plans", (e, p) => e.PlanId = p),
        Of<Axis>("axes", "Axis", "plans", (e, p) => e.PlanId = p),
        Of<Objective>("objectives", "Objective", "plans", (e, p) => e.PlanId = p),
        Of<PolicyAction>("actions", "Action", "plans", (e, p) => e.PlanId = p),
        Of<Counterpart>("counterparts", "Counterpart"),
        Of<Contact>("contacts", "Contact", "counterparts", (e, p) => e.CounterpartId = p),
        Of<Agreement>("agreements", "Agreement"),
        Of<AgreementDocument>("documents", "AgreementDocument", "agreements", (e, p) => e.AgreementId = p),
        Of<NetworkMembership>("memberships", "NetworkMembership"),
        Of<NetworkRoleHeld>("roles", "NetworkRole", "memberships", (e, p) => e.MembershipId = p),
        Of<MembershipReport>("reports", "MembershipReport", "memberships", (e, p) => e.MembershipId = p),
        Of<Alliance>("alliances", "Alliance"),
        Of<CooperationProject>("projects", "Project"),
        Of<ProjectPartner>("partners", "ProjectPartner", "projects", (e, p) => e.ProjectId = p),
        Of<ProjectTransaction>("transactions", "ProjectTransaction", "projects", (e, p) => e.ProjectId = p),
        Of<Mission>("missions", "Mission"),
        Of<Indicator>("indicators", "Indicator", "plans", (e, p) => e.PlanId = p),
        Of<Measurement>("measurements", "Measurement", "indicators", (e, p) => e.IndicatorId = p),
        Of<Evaluation>("evaluations", "Evaluation", "plans", (e, p) => e.PlanId = p),
        Of<Recommendation>("recommendations", "Recommendation", "evaluations", (e, p) => e.EvaluationId = p),
        Of<Externality>("externalities", "Externality", "plans", (e, p) => e.PlanId = p),
        Of<Mitigation>("mitigations", "Mitigation", "externalities", (e, p) => e.ExternalityId = p),
    ];

    private static readonly Dictionary<string, Kind> BySegment = Kinds.ToDictionary(k => k.Segment);

    /// <summary>Route parameters that are not record ids, and what to put in them.</summary>
    private static readonly Dictionary<string, string> NonIdParameters = new() { ["org"] = Seeder.DemoSlug, ["documentName"] = "v1", ["code"] = "404" };

    /// <summary>Required query parameters of routes that have some (the current plan has a version 1).</summary>
    private static readonly Dictionary<string, string> RequiredQuery = new() { ["/api/v1/plans/{id:guid}/compare"] = "from=1" };

    /// <summary>One route of the application: method, pattern, and the page handler if it is a page.</summary>
    private sealed record Route(string Method, RoutePattern Pattern, bool IsPage, string? Handler)
    {
        public override string ToString() => $"{Method} /{Pattern.RawText?.TrimStart('/')}{(Handler is null ? "" : "?handler=" + Handler)}";
        public bool HasIds => Pattern.Parameters.Any(p => !NonIdParameters.ContainsKey(p.Name) && p.Name != "secret");
    }

    private async Task<List<Route>> RoutesAsync()
    {
        var source = app.App.Services.GetRequiredService<EndpointDataSource>();
        var loader = app.App.Services.GetRequiredService<PageLoader>();
        var routes = new List<Route>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                routes.Add(new Route("GET", endpoint.RoutePattern, true, null));
                foreach (var handler in compiled.HandlerMethods.Where(h => h.HttpMethod == "Post"))
                    routes.Add(new Route("POST", endpoint.RoutePattern, true, handler.Name));
            }
            else
            {
                foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                    routes.Add(new Route(method, endpoint.RoutePattern, false, null));
            }
        }
        return routes.DistinctBy(r => r.ToString()).OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>The URL of a route with the given ids in its parameters, each named by the segment before it.</summary>
    private static string Url(Route route, IReadOnlyDictionary<string, Guid> ids, string? trashKind = null)
    {
        var url = new StringBuilder();
        string? previous = null;
        foreach (var segment in route.Pattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        url.Append(literal.Content);
                        previous = literal.Content;
                        break;
                    case RoutePatternSeparatorPart separator:
                        url.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter when NonIdParameters.TryGetValue(parameter.Name, out var value):
                        url.Append(value);
                        break;
                    case RoutePatternParameterPart { Name: "kind" }:
                        url.Append(trashKind ?? throw new InvalidOperationException($"{route}: a kind needs a trash kind"));
                        previous = Kinds.Single(k => k.TrashKind == trashKind).Segment;
                        break;
                    case RoutePatternParameterPart parameter:
                        var key = previous ?? "";
                        if (!ids.TryGetValue(key, out var id))
                            throw new Xunit.Sdk.XunitException($"{route}: no record kind for the parameter {{{parameter.Name}}} after '{key}'. Add it to {nameof(Kinds)} so the route is checked.");
                        url.Append(id);
                        break;
                }
            }
        }
        if (route.Handler is not null) url.Append("?handler=").Append(route.Handler);
        if (RequiredQuery.TryGetValue(route.Pattern.RawText!, out var query)) url.Append(route.Handler is null ? '?' : '&').Append(query);
        return url.ToString();
    }

    private static byte[] MinimalPdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static MultipartFormDataContent Upload()
    {
        var file = new ByteArrayContent(MinimalPdf());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", "acta.pdf" } };
    }

    /// <summary>Solmar's records with children, one of each kind, with a document and an evidence file attached.</summary>
    private async Task<Dictionary<string, Guid>> OwnFixtureAsync(HttpClient admin, Guid solmar)
    {
        var ids = await app.WithDbAsync(async db =>
        {
            var plan = await db.Plans.Where(p => p.IsCurrent).Select(p => p.Id).SingleAsync();
            var contact = await db.Contacts.OrderBy(c => c.Id).FirstAsync();
            var membership = await db.NetworkMemberships
                .Where(m => db.NetworkRoles.Any(r => r.MembershipId == m.Id) && db.MembershipReports.Any(r => r.MembershipId == m.Id))
                .Select(m => m.Id).FirstAsync();
            var project = await db.Projects
                .Where(p => db.ProjectPartners.Any(x => x.ProjectId == p.Id) && db.ProjectTransactions.Any(x => x.ProjectId == p.Id))
                .Select(p => p.Id).FirstAsync();
            var measurement = await db.Measurements.Where(m => m.Status == MeasurementStatus.Draft).OrderBy(m => m.Id).FirstAsync();
            var recommendation = await db.Recommendations.OrderBy(r => r.Id).FirstAsync();
            var mitigation = await db.Mitigations.OrderBy(r => r.Id).FirstAsync();
            return new Dictionary<string, Guid>
            {
                ["departments"] = await db.Departments.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
                ["units"] = await db.OfficeUnits.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
                ["years"] = await db.OfficeYears.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
                ["members"] = await db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserId && u.NormalizedEmail == Viewer.ToUpperInvariant())).Select(m => m.Id).SingleAsync(),
                ["plans"] = plan,
                ["analysis"] = await db.AnalysisItems.Where(x => x.PlanId == plan).Select(x => x.Id).FirstAsync(),
                ["axes"] = await db.Axes.Where(x => x.PlanId == plan).Select(x => x.Id).FirstAsync(),
                ["objectives"] = await db.Objectives.Where(x => x.PlanId == plan).Select(x => x.Id).FirstAsync(),
                ["actions"] = await db.Actions.Where(x => x.PlanId == plan).Select(x => x.Id).FirstAsync(),
                ["counterparts"] = contact.CounterpartId,
                ["contacts"] = contact.Id,
                ["agreements"] = await db.Agreements.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
                ["memberships"] = membership,
                ["roles"] = await db.NetworkRoles.Where(r => r.MembershipId == membership).Select(r => r.Id).FirstAsync(),
                ["reports"] = await db.MembershipReports.Where(r => r.MembershipId == membership).Select(r => r.Id).FirstAsync(),
                ["alliances"] = await db.Alliances.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
                ["projects"] = project,
                ["partners"] = await db.ProjectPartners.Where(r => r.ProjectId == project).Select(r => r.Id).FirstAsync(),
                ["transactions"] = await db.ProjectTransactions.Where(r => r.ProjectId == project).Select(r => r.Id).FirstAsync(),
                ["missions"] = await db.Missions.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
                ["indicators"] = measurement.IndicatorId,
                ["measurements"] = measurement.Id,
                ["evaluations"] = recommendation.EvaluationId,
                ["recommendations"] = recommendation.Id,
                ["externalities"] = mitigation.ExternalityId,
                ["mitigations"] = mitigation.Id,
            };
        }, solmar);

        var document = await admin.PostAsync($"/api/v1/agreements/{ids["agreements"]}/documents", Upload());
        Assert.True(document.StatusCode == HttpStatusCode.Created, await document.Content.ReadAsStringAsync());
        ids["documents"] = Guid.Parse((string)(await document.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        var evidence = await admin.PostAsync($"/api/v1/measurements/{ids["measurements"]}/evidence", Upload());
        Assert.True(evidence.StatusCode == HttpStatusCode.OK, await evidence.Content.ReadAsStringAsync());
        Assert.Equal(Kinds.Length, ids.Count);
        ids["organizations"] = solmar;
        return ids;
    }

    /// <summary>Copies of the own fixture's records in Costa Alta, each under the copy of its parent.</summary>
    private async Task<Dictionary<string, Guid>> ForeignFixtureAsync(Dictionary<string, Guid> own, Guid solmar, Guid costaAlta)
    {
        var sources = new Dictionary<string, TenantEntity>();
        foreach (var kind in Kinds)
            sources[kind.Segment] = await app.WithDbAsync(db => kind.Load(db, own[kind.Segment]), solmar);
        var copies = new Dictionary<string, Guid>();
        await app.WithDbAsync(async db =>
        {
            foreach (var kind in Kinds) // parents come before their children in Kinds
            {
                var copy = sources[kind.Segment];
                copy.Id = Guid.CreateVersion7();
                copy.OrganizationId = costaAlta;
                if (kind.Parent is not null) kind.SetParent!(copy, copies[kind.Parent]);
                if (copy is StrategicPlan plan) plan.IsCurrent = false;
                if (copy is OfficeYear year) year.Year = 1901; // one record per year in an organization
                if (copy.GetType().GetProperty("Code") is { PropertyType.Name: "String", CanWrite: true } code && code.GetValue(copy) is string { Length: > 0 })
                    code.SetValue(copy, $"ZZ-{copies.Count}"); // codes are unique within an organization
                db.Add(copy);
                copies[kind.Segment] = copy.Id;
            }
            await db.SaveChangesAsync();
            return 0;
        }, costaAlta);
        copies["organizations"] = costaAlta;
        return copies;
    }

    /// <summary>What a foreign request could have changed in Costa Alta: its audit trail and the versions and deletions of the copies.</summary>
    private Task<string> CostaAltaStateAsync(Guid costaAlta, Dictionary<string, Guid> foreign) => app.WithDbAsync(async db =>
    {
        var audit = await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.OrganizationId == costaAlta);
        var state = new StringBuilder($"audit {audit};");
        foreach (var kind in Kinds)
        {
            var e = await kind.Load(db, foreign[kind.Segment]);
            state.Append($" {kind.Segment} v{e.Version}{(e.DeletedAt is null ? "" : " deleted")};");
        }
        return state.ToString();
    }, costaAlta);

    private static HttpRequestMessage ApiRequest(string method, string url) =>
        new(new HttpMethod(method), url) { Content = method is "GET" or "DELETE" ? null : JsonContent.Create(new { version = 1 }) };

    [Fact]
    public async Task Every_route_with_an_id_answers_404_for_another_organizations_records_and_changes_nothing_there()
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var costaAlta = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        using var api = await app.ApiClientAsync(TestApp.AdminEmail); // the admin belongs to both organizations
        using var web = await app.SignInAsync(TestApp.AdminEmail);
        var own = await OwnFixtureAsync(api, solmar);
        var foreign = await ForeignFixtureAsync(own, solmar, costaAlta);
        var before = await CostaAltaStateAsync(costaAlta, foreign);

        // Organizations themselves are the site administrator's (OrganizationAdminApiTests): the admin may read and delete any.
        var routes = (await RoutesAsync()).Where(r => r.HasIds && !r.Pattern.Parameters.Any(p => p.Name == "kind")
                                                     && !r.Pattern.RawText!.StartsWith("/api/v1/organizations/", StringComparison.Ordinal)).ToList();
        Assert.True(routes.Count > 150, $"only {routes.Count} routes with ids were found");
        var failures = new List<string>();
        foreach (var route in routes)
        {
            // Solmar's own records answer: the route and the fixture are right, so a 404 below means the boundary.
            if (route.Method == "GET")
            {
                var ownUrl = Url(route, own);
                var ownAnswer = route.IsPage ? await web.GetAsync(ownUrl) : await api.SendAsync(ApiRequest("GET", ownUrl));
                if (ownAnswer.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Redirect))
                    failures.Add($"{route} with Solmar's own ids answered {(int)ownAnswer.StatusCode}");
            }
            var url = Url(route, foreign);
            HttpResponseMessage answer;
            if (!route.IsPage) answer = await api.SendAsync(ApiRequest(route.Method, url));
            else if (route.Method == "GET") answer = await web.GetAsync(url);
            else answer = await web.PostFormAsync(url, new() { ["Version"] = "1", ["Input.Version"] = "1" }, formPage: $"/{Seeder.DemoSlug}/departments/new");
            if (answer.StatusCode != HttpStatusCode.NotFound)
                failures.Add($"{route} with Costa Alta's ids answered {(int)answer.StatusCode}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {routes.Count} routes:\n" + string.Join("\n", failures));
        Assert.Equal(before, await CostaAltaStateAsync(costaAlta, foreign));

        // The Trash: Costa Alta's deleted records cannot be restored from Solmar, by the API or the page.
        await DeleteCopiesAsync(costaAlta, foreign);
        var deleted = await CostaAltaStateAsync(costaAlta, foreign);
        foreach (var kind in Kinds.Where(k => k.TrashKind is not null))
        {
            var restore = await api.PostAsync($"/api/v1/trash/{kind.TrashKind}/{foreign[kind.Segment]}/restore", null);
            Assert.True(restore.StatusCode == HttpStatusCode.NotFound, $"restoring Costa Alta's {kind.TrashKind} from Solmar answered {(int)restore.StatusCode}");
            var page = await web.PostFormAsync($"/{Seeder.DemoSlug}/trash?handler=Restore", new() { ["kind"] = kind.TrashKind!, ["id"] = foreign[kind.Segment].ToString() });
            Assert.True(page.StatusCode == HttpStatusCode.NotFound, $"the Trash page restoring Costa Alta's {kind.TrashKind} answered {(int)page.StatusCode}");
        }
        Assert.Equal(deleted, await CostaAltaStateAsync(costaAlta, foreign));
    }

    private Task DeleteCopiesAsync(Guid costaAlta, Dictionary<string, Guid> foreign) => app.WithDbAsync(async db =>
    {
        foreach (var kind in Kinds.Where(k => k.TrashKind is not null))
        {
            var entity = await kind.Load(db, foreign[kind.Segment]);
            db.Attach(entity);
            entity.DeletedAt = DateTime.UtcNow;
            entity.DeletedBy = "tests";
        }
        await db.SaveChangesAsync();
        return 0;
    }, costaAlta);

    [Fact]
    public async Task Every_route_that_writes_refuses_a_viewer_before_reading_the_request()
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        using var admin = await app.ApiClientAsync(TestApp.AdminEmail);
        var own = await OwnFixtureAsync(admin, solmar);
        using var api = await app.ApiClientAsync(Viewer);
        using var web = await app.SignInAsync(Viewer);
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(), solmar);

        var routes = (await RoutesAsync()).Where(r => r.Method != "GET" && (r.IsPage ? r.Pattern.Parameters.Any(p => p.Name == "org") : r.Pattern.RawText!.StartsWith("/api/v1/"))).ToList();
        Assert.True(routes.Count > 100, $"only {routes.Count} writing routes were found");
        var failures = new List<string>();
        foreach (var route in routes)
        {
            var url = Url(route, own, trashKind: "Department");
            var answer = route.IsPage
                ? await web.PostFormAsync(url, new() { ["Version"] = "1" }, formPage: $"/{Seeder.DemoSlug}/departments")
                : await api.SendAsync(ApiRequest(route.Method, url));
            if (answer.StatusCode != HttpStatusCode.Forbidden)
                failures.Add($"{route} answered a viewer {(int)answer.StatusCode}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {routes.Count} writing routes:\n" + string.Join("\n", failures));
        Assert.Equal(auditBefore, await app.WithDbAsync(db => db.AuditEntries.CountAsync(), solmar));
    }

    [Fact]
    public async Task Every_route_asks_a_stranger_to_sign_in()
    {
        // A stranger's browser: cookies, and the antiforgery token of the sign-in page, so a form post is
        // refused for want of a sign-in, not for want of a token.
        using var stranger = WebClient.Create(app.BaseAddress);
        var login = await stranger.GetHtmlAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "the sign-in page has no antiforgery token");
        var own = Kinds.Select(k => k.Segment).Append("organizations").ToDictionary(k => k, _ => Guid.CreateVersion7());
        var routes = (await RoutesAsync()).Where(r => r.IsPage ? r.Pattern.Parameters.Any(p => p.Name == "org") : r.Pattern.RawText!.StartsWith("/api/v1/")).ToList();
        var failures = new List<string>();
        foreach (var route in routes)
        {
            var url = Url(route, own, trashKind: "Department");
            var request = route.IsPage && route.Method == "POST"
                ? new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) }) }
                : ApiRequest(route.Method, url);
            var answer = await stranger.Http.SendAsync(request);
            var ok = route.IsPage
                ? answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location!.OriginalString.Contains("/account/login")
                : answer.StatusCode == HttpStatusCode.Unauthorized;
            if (!ok) failures.Add($"{route} answered a stranger {(int)answer.StatusCode} {answer.Headers.Location}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {routes.Count} routes:\n" + string.Join("\n", failures));
    }
}

public sealed class EveryRouteTestsOnSqlite(SqliteApp app) : EveryRouteTests<SqliteApp>(app);
public sealed class EveryRouteTestsOnPostgres(PostgresApp app) : EveryRouteTests<PostgresApp>(app);
