using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
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

/// <summary>The international relations office's structure (units) and capacity (staff and budget per year).</summary>
public sealed class OfficeService(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L)
{
    public Task<List<OfficeUnit>> UnitsAsync(CancellationToken ct) =>
        db.OfficeUnits.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.CreatedAt).ToListAsync(ct);

    public Task<List<OfficeYear>> YearsAsync(CancellationToken ct) =>
        db.OfficeYears.AsNoTracking().OrderByDescending(y => y.Year).ToListAsync(ct);

    public Task<OfficeUnit?> FindUnitAsync(Guid id, CancellationToken ct) => db.OfficeUnits.FirstOrDefaultAsync(u => u.Id == id, ct);
    public Task<OfficeYear?> FindYearAsync(Guid id, CancellationToken ct) => db.OfficeYears.FirstOrDefaultAsync(y => y.Id == id, ct);

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

    public Task DeleteAsync<T>(T entity, long? expectedVersion, CancellationToken ct) where T : TenantEntity =>
        db.RemoveAsync(entity, expectedVersion, ct);
}

public static class OfficeApi
{
    public static RouteGroupBuilder MapOfficeApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/office").WithTags("Office");

        g.MapGet("/units", async (OfficeService s, CancellationToken ct) => TypedResults.Ok((await s.UnitsAsync(ct)).Select(OfficeUnitDto.From).ToList()))
            .WithName("ListOfficeUnits").WithSummary("List the office's units").WithDescription("Units of the international relations office in display order.");
        g.MapGet("/units/{id:guid}", async Task<Results<Ok<OfficeUnitDto>, NotFound<ProblemDetails>>> (Guid id, OfficeService s, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
                await s.FindUnitAsync(id, ct) is { } u ? TypedResults.Ok(OfficeUnitDto.From(u)) : ApiResults.NotFound(L))
            .WithName("GetOfficeUnit").WithSummary("Get an office unit").WithDescription("One unit with its names, mission and staff.");
        g.MapPost("/units", async Task<Results<Created<OfficeUnitDto>, ValidationProblem>> (OfficeUnitInput input, OfficeService s, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var v = await s.ValidateAsync(input, ct);
                if (!v.IsValid) return ApiResults.Invalid(v, L);
                var u = new OfficeUnit();
                input.ApplyTo(u);
                await s.SaveAsync(u, null, ct);
                return TypedResults.Created($"/api/v1/office/units/{u.Id}", OfficeUnitDto.From(u));
            }).Requires(Capability.ManageOffice)
            .WithName("CreateOfficeUnit").WithSummary("Create an office unit").WithDescription("The name in the organization's main language and the staff are required.");
        g.MapPut("/units/{id:guid}", async Task<Results<Ok<OfficeUnitDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, OfficeUnitInput input, OfficeService s, IStringLocalizer<SharedResource> L, NodalDbContext db, CancellationToken ct) =>
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
        g.MapDelete("/units/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>>> (Guid id, OfficeService s, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (await s.FindUnitAsync(id, ct) is not { } u) return ApiResults.NotFound(L);
                await s.DeleteAsync(u, null, ct);
                return TypedResults.NoContent();
            }).Requires(Capability.ManageOffice)
            .WithName("DeleteOfficeUnit").WithSummary("Move an office unit to the Trash").WithDescription("It can be restored from the Trash.");

        g.MapGet("/years", async (OfficeService s, CancellationToken ct) => TypedResults.Ok((await s.YearsAsync(ct)).Select(OfficeYearDto.From).ToList()))
            .WithName("ListOfficeYears").WithSummary("List the office's capacity per year").WithDescription("Staff and budget per year, newest first.");
        g.MapGet("/years/{id:guid}", async Task<Results<Ok<OfficeYearDto>, NotFound<ProblemDetails>>> (Guid id, OfficeService s, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
                await s.FindYearAsync(id, ct) is { } y ? TypedResults.Ok(OfficeYearDto.From(y)) : ApiResults.NotFound(L))
            .WithName("GetOfficeYear").WithSummary("Get one year of the office's capacity").WithDescription("Staff and budget of one year.");
        g.MapPost("/years", async Task<Results<Created<OfficeYearDto>, ValidationProblem>> (OfficeYearInput input, OfficeService s, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var v = await s.ValidateAsync(input, null, ct);
                if (!v.IsValid) return ApiResults.Invalid(v, L);
                var y = new OfficeYear();
                input.ApplyTo(y);
                await s.SaveAsync(y, null, ct);
                return TypedResults.Created($"/api/v1/office/years/{y.Id}", OfficeYearDto.From(y));
            }).Requires(Capability.ManageOffice)
            .WithName("CreateOfficeYear").WithSummary("Record a year of the office's capacity").WithDescription("One record per year: staff, budget and its ISO 4217 currency.");
        g.MapPut("/years/{id:guid}", async Task<Results<Ok<OfficeYearDto>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> (Guid id, OfficeYearInput input, OfficeService s, IStringLocalizer<SharedResource> L, NodalDbContext db, CancellationToken ct) =>
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
        g.MapDelete("/years/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>>> (Guid id, OfficeService s, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                if (await s.FindYearAsync(id, ct) is not { } y) return ApiResults.NotFound(L);
                await s.DeleteAsync(y, null, ct);
                return TypedResults.NoContent();
            }).Requires(Capability.ManageOffice)
            .WithName("DeleteOfficeYear").WithSummary("Move a year to the Trash").WithDescription("It can be restored from the Trash.");
        return api;
    }
}
