using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Nodal.Web;
using Nodal.Web.Cli;
using Nodal.Web.Seeding;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(Commands.HostArgs(args));
var app = NodalApp.Build(builder);

if (Commands.IsCommandLine(args))
{
    return await Commands.RunAsync(app, args);
}

await NodalApp.PrepareDatabaseAsync(app);
await app.RunAsync();
return 0;

namespace Nodal.Web
{
    public static class NodalApp
    {
        public static WebApplication Build(WebApplicationBuilder builder)
        {
            var options = builder.Configuration.GetSection("Nodal").Get<NodalOptions>() ?? new NodalOptions();
            builder.Services.AddSingleton(options);
            builder.Services.AddSingleton(TimeProvider.System);

            builder.Logging.ClearProviders();
            if (string.Equals(options.LogFormat, "json", StringComparison.OrdinalIgnoreCase))
                builder.Logging.AddJsonConsole(o => { o.IncludeScopes = true; o.UseUtcTimestamp = true; });
            else
                builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });

            builder.Services.AddScoped<TenantContext>();
            builder.Services.AddNodalDatabase(builder.Configuration, options);

            builder.Services.AddIdentity<NodalUser, IdentityRole<Guid>>(o =>
                {
                    o.User.RequireUniqueEmail = true;
                    o.Password.RequiredLength = options.Security.PasswordMinLength;
                    o.Password.RequireNonAlphanumeric = false;
                    o.Password.RequireUppercase = true;
                    o.Password.RequireLowercase = true;
                    o.Password.RequireDigit = true;
                    o.Lockout.MaxFailedAccessAttempts = options.Security.MaxFailedSignIns;
                    o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.Security.LockoutMinutes);
                    o.Lockout.AllowedForNewUsers = true;
                    o.SignIn.RequireConfirmedAccount = false;
                })
                .AddEntityFrameworkStores<NodalDbContext>()
                .AddDefaultTokenProviders()
                .AddErrorDescriber<LocalizedIdentityErrors>();
            builder.Services.ConfigureApplicationCookie(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/access-denied";
                o.Cookie.Name = "nodal.auth";
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                // A forbidden page answers 403 (rendered by the error page), not a redirect.
                o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            });
            builder.Services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenService.Scheme, null);
            builder.Services.AddAuthorization(o =>
            {
                o.AddPolicy("Api", p => p.AddAuthenticationSchemes(ApiTokenService.Scheme).RequireAuthenticatedUser());
            });
            builder.Services.AddScoped<ApiTokenService>();

            builder.Services.AddDataProtection().SetApplicationName("Nodal").PersistKeysToDbContext<NodalDbContext>();

            builder.Services.AddNodalLocalization();
            // Write "Pública", not "P&#xFA;blica": pages are read in Spanish and French.
            builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
            builder.Services.AddRazorPages(o =>
                {
                    o.RootDirectory = "/Features";
                    o.Conventions.AuthorizeFolder("/");
                    o.Conventions.AllowAnonymousToPage("/Account/Login");
                    o.Conventions.AllowAnonymousToPage("/Account/SetPassword");
                    o.Conventions.AllowAnonymousToPage("/Account/Language");
                    o.Conventions.AllowAnonymousToPage("/Error");
                    o.Conventions.AddPageRoute("/Departments/Edit", "/{org}/departments/new");
                    o.Conventions.AddPageRoute("/Plans/Edit", "/{org}/plans/new");
                    o.Conventions.AddPageRoute("/Plans/AnalysisEdit", "/{org}/plans/{planId:guid}/analysis/new");
                    o.Conventions.AddPageRoute("/Plans/AxisEdit", "/{org}/plans/{planId:guid}/axes/new");
                    o.Conventions.AddPageRoute("/Plans/ObjectiveEdit", "/{org}/plans/{planId:guid}/objectives/new");
                    o.Conventions.AddPageRoute("/Actions/Edit", "/{org}/actions/new");
                    o.Conventions.AddPageRoute("/Counterparts/Edit", "/{org}/counterparts/new");
                    o.Conventions.AddPageRoute("/Counterparts/ContactEdit", "/{org}/counterparts/{counterpartId:guid}/contacts/new");
                    o.Conventions.AddPageRoute("/Office/UnitEdit", "/{org}/office/units/new");
                    o.Conventions.AddPageRoute("/Office/YearEdit", "/{org}/office/years/new");
                    o.Conventions.AddPageRoute("/Measurements/Edit", "/{org}/measurements/new");
                    o.Conventions.AddPageRoute("/Missions/Edit", "/{org}/missions/new");
                    o.Conventions.AddPageRoute("/Memberships/Edit", "/{org}/memberships/new");
                    o.Conventions.AddPageRoute("/Agreements/Edit", "/{org}/agreements/new");
                    o.Conventions.AddPageRoute("/Projects/Edit", "/{org}/projects/new");
                    o.Conventions.AddPageRoute("/Projects/PartnerEdit", "/{org}/projects/{projectId:guid}/partners/new");
                    o.Conventions.AddPageRoute("/Projects/TransactionEdit", "/{org}/projects/{projectId:guid}/transactions/new");
                    o.Conventions.AddPageRoute("/Alliances/Edit", "/{org}/alliances/new");
                    o.Conventions.AddPageRoute("/Evaluations/Edit", "/{org}/evaluations/new");
                    o.Conventions.AddPageRoute("/Evaluations/RecommendationEdit", "/{org}/evaluations/{evaluationId:guid}/recommendations/new");
                    o.Conventions.AddPageRoute("/Externalities/Edit", "/{org}/externalities/new");
                    o.Conventions.AddPageRoute("/Externalities/MitigationEdit", "/{org}/externalities/{externalityId:guid}/mitigations/new");
                    o.Conventions.AddPageRoute("/Indicators/Edit", "/{org}/indicators/new");
                })
                .AddMvcOptions(o =>
                {
                    o.Filters.Add<RequiresPageFilter>();
                    o.Filters.Add<PageTransactionFilter>();
                })
                .AddViewLocalization()
                .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));

            builder.Services.AddProblemDetails();
            builder.Services.AddExceptionHandler<ApiExceptionHandler>();
            builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
            builder.Services.ConfigureHttpJsonOptions(o =>
                o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
            builder.Services.AddNodalOpenApi();

            builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
            builder.Services.AddFeatureServices();

            var app = builder.Build();

            app.UseExceptionHandler("/error/500");
            // Empty error answers get a body: problem details for the API, a page for people.
            app.UseWhen(ctx => ctx.Request.IsApi(), api => api.UseStatusCodePages());
            app.UseWhen(ctx => !ctx.Request.IsApi(), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
            app.UseSecurityHeaders();
            app.UseRequestLocalization();
            app.UseStaticFiles();
            app.UseRouting();
            app.UseAuthentication();
            app.UseMiddleware<TenantMiddleware>();
            app.UseAuthorization();

            app.MapHealthChecks("/healthz").AllowAnonymous();
            app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
            app.MapScalarApiReference("/api/docs", o => o
                    .WithTitle("Nodal API")
                    .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                    .DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp()
                    .WithJavaScriptConfiguration("/js/api-docs.js")
                    .WithCustomCss(".language-json.hljs .hljs-literal { color: #007a4d !important; } "
                                   // The HTTP methods' colours, dark enough for 4.5:1 on the reference's greys (WCAG 1.4.3).
                                   + ":root, .light-mode { --scalar-color-green: #00703c !important; --scalar-color-blue: #0b5aa3 !important; "
                                   + "--scalar-color-orange: #a8400a !important; --scalar-color-red: #b0281a !important; --scalar-color-yellow: #6f5f00 !important; "
                                   + "--scalar-color-purple: #4c2c92 !important; }"))
                .AllowAnonymous();
            app.MapGet("/ping", () => TypedResults.Text("pong")).AllowAnonymous().ExcludeFromDescription();
            app.MapNodalApi();
            app.MapRazorPages();
            return app;
        }

        public static async Task PrepareDatabaseAsync(WebApplication app)
        {
            var options = app.Services.GetRequiredService<NodalOptions>();
            using var scope = app.Services.CreateScope();
            var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
            tenant.EnterAsSystem();
            var db = scope.ServiceProvider.GetRequiredService<NodalDbContext>();
            if (options.Database.Migrate) await Database.MigrateAsync(db);
            if (!await Database.LowersAccentedLettersAsync(db))
                app.Logger.LogWarning("This PostgreSQL database's LC_CTYPE does not lower-case accented letters (lower('Á') is not 'á'): searches will tell "
                                      + "'álvaro' from 'Álvaro'. Create the database with a UTF-8 character type, e.g. LC_CTYPE 'C.UTF-8' (see docs/OPERATIONS.md).");
            await scope.ServiceProvider.GetRequiredService<Seeder>().SeedAsync(CancellationToken.None);
        }
    }

    public sealed class DatabaseHealthCheck(NodalDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}
