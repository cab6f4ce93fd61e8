using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Linq.Expressions;
using Nodal.Web.Features.History;
using Nodal.Web.Features.Organizations;

namespace Nodal.Web.Features.Office;

public sealed class OfficeUnitInput
{
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Mission { get; set; } = new();
    public int? Staff { get; set; }
    public int? SortOrder { get; set; }
    public long? Version { get; set; }

    public static OfficeUnitInput From(OfficeUnit u) => new()
    {
        Name = new LocalizedText(u.Name.Es, u.Name.En, u.Name.Fr),
        Mission = new LocalizedText(u.Mission.Es, u.Mission.En, u.Mission.Fr),
        Staff = u.Staff,
        SortOrder = u.SortOrder,
        Version = u.Version,
    };

    public void ApplyTo(OfficeUnit u)
    {
        u.Name = Name.Trimmed();
        u.Mission = Mission.Trimmed();
        u.Staff = Staff ?? 0;
        u.SortOrder = SortOrder ?? 0;
    }
}

public sealed record OfficeUnitDto(Guid Id, LocalizedText Name, LocalizedText Mission, int Staff, int SortOrder, long Version)
{
    public static OfficeUnitDto From(OfficeUnit u) => new(u.Id, u.Name, u.Mission, u.Staff, u.SortOrder, u.Version);
}

public sealed class OfficeYearInput
{
    public int? Year { get; set; }
    public int? Staff { get; set; }
    public decimal? Budget { get; set; }
    public string? Currency { get; set; }
    public string? Notes { get; set; }
    public long? Version { get; set; }

    public static OfficeYearInput From(OfficeYear y) => new()
    {
        Year = y.Year, Staff = y.Staff, Budget = y.Budget, Currency = y.Currency, Notes = y.Notes, Version = y.Version,
    };

    public void ApplyTo(OfficeYear y)
    {
        y.Year = Year ?? 0;
        y.Staff = Staff ?? 0;
        y.Budget = Budget ?? 0;
        y.Currency = (Currency ?? "").Trim().ToUpperInvariant();
        y.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
    }
}

public sealed record OfficeYearDto(Guid Id, int Year, int Staff, decimal Budget, string Currency, string? Notes, long Version)
{
    public static OfficeYearDto From(OfficeYear y) => new(y.Id, y.Year, y.Staff, y.Budget, y.Currency, y.Notes, y.Version);
}

public sealed class OfficeUnitValidator : AbstractValidator<OfficeUnitInput>
{
    public OfficeUnitValidator(IStringLocalizer<SharedResource> L, string defaultLanguage)
    {
        RuleFor(x => x.Name[defaultLanguage]).NotEmpty().OverridePropertyName($"Name.{char.ToUpperInvariant(defaultLanguage[0])}{defaultLanguage[1..]}")
            .WithMessage(L["Enter the name in {0}, the organization's main language.", Languages.NativeName(defaultLanguage)]);
        foreach (var lang in LocalizedText.Languages)
        {
            var field = char.ToUpperInvariant(lang[0]) + lang[1..];
            RuleFor(x => x.Name[lang]).MaximumLength(200).OverridePropertyName($"Name.{field}").WithMessage(L["Use at most {0} characters.", 200]);
            RuleFor(x => x.Mission[lang]).MaximumLength(2000).OverridePropertyName($"Mission.{field}").WithMessage(L["Use at most {0} characters.", 2000]);
        }
        RuleFor(x => x.Staff).NotNull().WithMessage(L["Enter the number of people."])
            .InclusiveBetween(0, 100_000).WithMessage(L["Enter a number between {0} and {1}.", 0, 100_000]);
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 10_000).WithMessage(L["Enter a number between {0} and {1}.", 0, 10_000]);
    }
}

public sealed class OfficeYearValidator : AbstractValidator<OfficeYearInput>
{
    public OfficeYearValidator(IStringLocalizer<SharedResource> L)
    {
        RuleFor(x => x.Year).NotNull().WithMessage(L["Enter the year."])
            .InclusiveBetween(1950, 2100).WithMessage(L["Enter a year between {0} and {1}.", 1950, 2100]);
        RuleFor(x => x.Staff).NotNull().WithMessage(L["Enter the number of people."])
            .InclusiveBetween(0, 100_000).WithMessage(L["Enter a number between {0} and {1}.", 0, 100_000]);
        RuleFor(x => x.Budget).NotNull().WithMessage(L["Enter the budget."])
            .InclusiveBetween(0m, 1_000_000_000_000m).WithMessage(L["Enter an amount of 0 or more."]);
        RuleFor(x => x.Currency).NotEmpty().WithMessage(L["Enter a currency code such as EUR."])
            .Must(c => c is null || Currencies.All.Contains(c.Trim())).When(x => !string.IsNullOrEmpty(x.Currency))
            .WithMessage(L["Enter an ISO 4217 currency code such as EUR, USD or MXN."]);
        RuleFor(x => x.Notes).MaximumLength(2000).WithMessage(L["Use at most {0} characters.", 2000]);
    }
}

/// <summary>What the office's years list asks for: search in the notes, the years from and to, sort, paging.</summary>
public sealed class OfficeYearListQuery
{
    /// <summary>Searches the notes and the currency.</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }
    /// <summary>year, staff or budget.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    /// <summary>asc or desc; the years come newest first unless asked otherwise.</summary>
    [FromQuery(Name = "dir")] public string? Dir { get; set; }
    [FromQuery(Name = "page")] public int? Page { get; set; }
    /// <summary>At most 200.</summary>
    [FromQuery(Name = "pageSize")] public int? PageSize { get; set; }
    /// <summary>The first year to show.</summary>
    [FromQuery(Name = "from")] public int? From { get; set; }
    /// <summary>The last year to show.</summary>
    [FromQuery(Name = "to")] public int? To { get; set; }

    public ListQuery ToListQuery() => new()
    {
        Q = Q, Sort = Sort, Dir = Dir ?? (Sort is null or "year" ? "desc" : "asc"), Page = Page, PageSize = PageSize,
    };
}

/// <summary>The international relations office's structure (units) and capacity (staff and budget per year).</summary>
public sealed class OfficeService(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L)
{
    public static readonly string[] UnitSortKeys = ["order", "name", "staff"];
    public static readonly string[] YearSortKeys = ["year", "staff", "budget"];

    /// <summary>The units: search in names and missions (every language), sorted by display order (the default), name or staff.</summary>
    public Task<PagedList<OfficeUnitDto>> ListUnitsAsync(ListQuery query, CancellationToken ct)
    {
        var q = db.OfficeUnits.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var s = query.Q.Trim().ToLower();
            q = q.Where(u => (u.Name.Es ?? "").ToLower().Contains(s) || (u.Name.En ?? "").ToLower().Contains(s) || (u.Name.Fr ?? "").ToLower().Contains(s)
                             || (u.Mission.Es ?? "").ToLower().Contains(s) || (u.Mission.En ?? "").ToLower().Contains(s) || (u.Mission.Fr ?? "").ToLower().Contains(s));
        }
        var sorts = new SortMap<OfficeUnit>("order")
            .Add("order", u => u.SortOrder)
            .Add("staff", u => u.Staff)
            .Add("name", Languages.Current switch
            {
                "es" => u => u.Name.Es ?? u.Name.En ?? u.Name.Fr,
                "fr" => u => u.Name.Fr ?? u.Name.En ?? u.Name.Es,
                _ => (Expression<Func<OfficeUnit, string?>>)(u => u.Name.En ?? u.Name.Es ?? u.Name.Fr),
            });
        return q.ToStablePagedAsync(query, sorts, u => u.Id, u => new OfficeUnitDto(u.Id, u.Name, u.Mission, u.Staff, u.SortOrder, u.Version), ct);
    }

    /// <summary>The years: from and to (inclusive), search in notes and currency, sorted by year (newest first by default), staff or budget.</summary>
    public Task<PagedList<OfficeYearDto>> ListYearsAsync(OfficeYearListQuery query, CancellationToken ct)
    {
        var q = db.OfficeYears.AsNoTracking();
        if (query.From is { } from) q = q.Where(y => y.Year >= from);
        if (query.To is { } to) q = q.Where(y => y.Year <= to);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var s = query.Q.Trim().ToLower();
            q = q.Where(y => (y.Notes ?? "").ToLower().Contains(s) || y.Currency.ToLower().Contains(s));
        }
        var sorts = new SortMap<OfficeYear>("year")
            .Add("year", y => y.Year)
            .Add("staff", y => y.Staff)
            // SQLite cannot order by a decimal column; a double keeps the order of any budget.
            .Add("budget", y => (double)y.Budget);
        return q.ToStablePagedAsync(query.ToListQuery(), sorts, y => y.Year, y => new OfficeYearDto(y.Id, y.Year, y.Staff, y.Budget, y.Currency, y.Notes, y.Version), ct);
    }

    public Task<OfficeUnit?> FindUnitAsync(Guid id, CancellationToken ct) => db.OfficeUnits.FirstOrDefaultAsync(u => u.Id == id, ct);
    public Task<OfficeYear?> FindYearAsync(Guid id, CancellationToken ct) => db.OfficeYears.FirstOrDefaultAsync(y => y.Id == id, ct);

    /// <summary>The record's history when the user may read history, else none.</summary>
    public async Task<IReadOnlyList<HistoryItem>> HistoryAsync(Guid id, CancellationToken ct) =>
        tenant.Can(Capability.ReadHistory) ? await HistoryQuery.ForRecordAsync(db, id, ct) : [];

    public Task<ValidationResult> ValidateAsync(OfficeUnitInput input, CancellationToken ct) =>
        new OfficeUnitValidator(L, tenant.DefaultLanguage).ValidateAsync(input, ct);

    public async Task<ValidationResult> ValidateAsync(OfficeYearInput input, Guid? existingId, CancellationToken ct)
    {
        var result = await new OfficeYearValidator(L).ValidateAsync(input, ct);
        if (input.Year is { } year && !result.Errors.Any(e => e.PropertyName == nameof(OfficeYearInput.Year))
            && await db.OfficeYears.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AnyAsync(y => y.Year == year && y.Id != existingId, ct))
            result.Errors.Add(new ValidationFailure(nameof(OfficeYearInput.Year), L["This year is already recorded (perhaps in the Trash)."]));
        return result;
    }

    public async Task<T> SaveAsync<T>(T entity, long? expectedVersion, CancellationToken ct) where T : TenantEntity
    {
        if (db.Entry(entity).State == EntityState.Detached) db.Add(entity);
        else if (expectedVersion is { } v) db.ExpectVersion(entity, v);
        await db.SaveChangesAsync(ct);
        return entity;
    }

    /// <summary>Moves the record to the Trash over the version the user saw (when given); throws DbUpdateConcurrencyException when it is stale.</summary>
    public Task DeleteAsync<T>(T entity, long? expectedVersion, CancellationToken ct) where T : TenantEntity =>
        db.RemoveAsync(entity, expectedVersion, ct);
}

public static class OfficeApi
{
    public static RouteGroupBuilder MapOfficeApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/office").WithTags("Office");
        var units = g.MapGroup("/units");
        var years = g.MapGroup("/years");

        units.MapGet("/", async ([AsParameters] ListQuery query, OfficeService s, CancellationToken ct) => TypedResults.Ok(await s.ListUnitsAsync(query, ct)))
            .WithName("ListOfficeUnits").WithSummary("List the office's units")
            .WithDescription("Units of the international relations office, with search in names and missions (q), sorting (sort=order|name|staff, dir=asc|desc; display order by default) and paging (page, pageSize ≤ 200).");
        units.MapGet("/{id:guid}", async Task<Results<Ok<OfficeUnitDto>, NotFound<ProblemDetails>>> (Guid id, OfficeService s, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                if (await s.FindUnitAsync(id, ct) is not { } u) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{u.Version}\"";
                return TypedResults.Ok(OfficeUnitDto.From(u));
            })
            .WithName("GetOfficeUnit").WithSummary("Get an office unit").WithDescription("One unit with its names, mission, staff and version (for concurrency).");
        units.MapPost("/", async Task<Results<Created<OfficeUnitDto>, ValidationProblem>> (OfficeUnitInput input, OfficeService s, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var v = await s.ValidateAsync(input, ct);
                if (!v.IsValid) return ApiResults.Invalid(v, L);
                var u = new OfficeUnit();
                input.ApplyTo(u);
                await s.SaveAsync(u, null, ct);
                return TypedResults.Created($"/api/v1/office/units/{u.Id}", OfficeUnitDto.From(u));
            }).Requires(Capability.ManageOffice)
            .WithName("CreateOfficeUnit").WithSummary("Create an office unit").WithDescription("The name in the organization's main language and the staff are required.");
        units.MapPut("/{id:guid}", async Task<Results<Ok<OfficeUnitDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, OfficeUnitInput input, OfficeService s, IStringLocalizer<SharedResource> L, NodalDbContext db, CancellationToken ct) =>
            {
                if (await s.FindUnitAsync(id, ct) is not { } u) return ApiResults.NotFound(L);
                var v = await s.ValidateAsync(input, ct);
                if (!v.IsValid) return ApiResults.Invalid(v, L);
                input.ApplyTo(u);
                try { await s.SaveAsync(u, input.Version ?? u.Version, ct); }
                catch (DbUpdateConcurrencyException)
                {
                    var current = await db.OfficeUnits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
                    return ApiResults.Conflict(L, current is null ? null : OfficeUnitDto.From(current));
                }
                return TypedResults.Ok(OfficeUnitDto.From(u));
            }).Requires(Capability.ManageOffice)
            .WithName("UpdateOfficeUnit").WithSummary("Change an office unit").WithDescription("Send the version you read; a stale version answers 409.");
        units.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, OfficeService s, IStringLocalizer<SharedResource> L, NodalDbContext db, CancellationToken ct) =>
            {
                if (await s.FindUnitAsync(id, ct) is not { } u) return ApiResults.NotFound(L);
                return await ApiResults.ConflictIfStaleAsync(L, () => s.DeleteAsync(u, version, ct),
                    async () => await db.FreshAsync<OfficeUnit>(id, ct) is { } current ? OfficeUnitDto.From(current) : null) is { } stale
                    ? stale : TypedResults.NoContent();
            }).Requires(Capability.ManageOffice)
            .WithName("DeleteOfficeUnit").WithSummary("Move an office unit to the Trash")
            .WithDescription("It can be restored from the Trash. Send the version you read (?version=); if someone changed the unit since, nothing is deleted and the answer is 409 with the current values.");
        units.MapHistory<OfficeUnit>()
            .WithName("GetOfficeUnitHistory").WithSummary("An office unit's history").WithDescription("Every change: who, when, each field before and after.");

        years.MapGet("/", async ([AsParameters] OfficeYearListQuery query, OfficeService s, CancellationToken ct) => TypedResults.Ok(await s.ListYearsAsync(query, ct)))
            .WithName("ListOfficeYears").WithSummary("List the office's capacity per year")
            .WithDescription("Staff and budget per year, with a range of years (from, to), search in the notes (q), sorting (sort=year|staff|budget, dir=asc|desc; newest first by default) and paging (page, pageSize ≤ 200).");
        years.MapGet("/{id:guid}", async Task<Results<Ok<OfficeYearDto>, NotFound<ProblemDetails>>> (Guid id, OfficeService s, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct) =>
            {
                if (await s.FindYearAsync(id, ct) is not { } y) return ApiResults.NotFound(L);
                http.Response.Headers.ETag = $"\"{y.Version}\"";
                return TypedResults.Ok(OfficeYearDto.From(y));
            })
            .WithName("GetOfficeYear").WithSummary("Get one year of the office's capacity").WithDescription("Staff and budget of one year, with its version (for concurrency).");
        years.MapPost("/", async Task<Results<Created<OfficeYearDto>, ValidationProblem>> (OfficeYearInput input, OfficeService s, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var v = await s.ValidateAsync(input, null, ct);
                if (!v.IsValid) return ApiResults.Invalid(v, L);
                var y = new OfficeYear();
                input.ApplyTo(y);
                await s.SaveAsync(y, null, ct);
                return TypedResults.Created($"/api/v1/office/years/{y.Id}", OfficeYearDto.From(y));
            }).Requires(Capability.ManageOffice)
            .WithName("CreateOfficeYear").WithSummary("Record a year of the office's capacity").WithDescription("One record per year: staff, budget and its ISO 4217 currency.");
        years.MapPut("/{id:guid}", async Task<Results<Ok<OfficeYearDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, OfficeYearInput input, OfficeService s, IStringLocalizer<SharedResource> L, NodalDbContext db, CancellationToken ct) =>
            {
                if (await s.FindYearAsync(id, ct) is not { } y) return ApiResults.NotFound(L);
                var v = await s.ValidateAsync(input, id, ct);
                if (!v.IsValid) return ApiResults.Invalid(v, L);
                input.ApplyTo(y);
                try { await s.SaveAsync(y, input.Version ?? y.Version, ct); }
                catch (DbUpdateConcurrencyException)
                {
                    var current = await db.OfficeYears.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
                    return ApiResults.Conflict(L, current is null ? null : OfficeYearDto.From(current));
                }
                return TypedResults.Ok(OfficeYearDto.From(y));
            }).Requires(Capability.ManageOffice)
            .WithName("UpdateOfficeYear").WithSummary("Change a year of the office's capacity").WithDescription("Send the version you read; a stale version answers 409.");
        years.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> (Guid id, long? version, OfficeService s, IStringLocalizer<SharedResource> L, NodalDbContext db, CancellationToken ct) =>
            {
                if (await s.FindYearAsync(id, ct) is not { } y) return ApiResults.NotFound(L);
                return await ApiResults.ConflictIfStaleAsync(L, () => s.DeleteAsync(y, version, ct),
                    async () => await db.FreshAsync<OfficeYear>(id, ct) is { } current ? OfficeYearDto.From(current) : null) is { } stale
                    ? stale : TypedResults.NoContent();
            }).Requires(Capability.ManageOffice)
            .WithName("DeleteOfficeYear").WithSummary("Move a year to the Trash")
            .WithDescription("It can be restored from the Trash. Send the version you read (?version=); if someone changed the year since, nothing is deleted and the answer is 409 with the current values.");
        years.MapHistory<OfficeYear>()
            .WithName("GetOfficeYearHistory").WithSummary("A year's history").WithDescription("Every change of one year of the office's capacity: who, when, each field before and after.");
        return api;
    }
}
