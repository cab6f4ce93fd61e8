using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Nodal.Web.Features.Organizations;

public sealed class OrganizationInput
{
    public LocalizedText Name { get; set; } = new();
    public string? Slug { get; set; }
    public OrganizationKind? Kind { get; set; }
    public string? Country { get; set; }
    public long? Population { get; set; }
    public List<string> WorkingLanguages { get; set; } = [];
    public string? DefaultLanguage { get; set; }
    public string? Currency { get; set; }
    public string? Website { get; set; }
    /// <summary>Months without activity after which an active agreement is flagged as merely symbolic (1–120; kept when empty).</summary>
    public int? DormancyMonths { get; set; }
    /// <summary>The IATI organisation identifier, such as XM-DAC-41114 (optional).</summary>
    public string? IatiOrganisationId { get; set; }
    public long? Version { get; set; }

    public static OrganizationInput From(Organization o) => new()
    {
        Name = new LocalizedText(o.Name.Es, o.Name.En, o.Name.Fr),
        Slug = o.Slug,
        Kind = o.Kind,
        Country = o.Country,
        Population = o.Population,
        WorkingLanguages = o.Languages.ToList(),
        DefaultLanguage = o.DefaultLanguage,
        Currency = o.Currency,
        Website = o.Website,
        DormancyMonths = o.DormancyMonths,
        IatiOrganisationId = o.IatiOrganisationId,
        Version = o.Version,
    };

    public void ApplyTo(Organization o, bool includeSlug)
    {
        o.Name = Name.Trimmed();
        if (includeSlug) o.Slug = (Slug ?? "").Trim().ToLowerInvariant();
        o.Kind = Kind ?? OrganizationKind.Other;
        o.Country = (Country ?? "").Trim().ToUpperInvariant();
        o.Population = Population;
        o.WorkingLanguages = string.Join(',', LocalizedText.Languages.Where(l => WorkingLanguages.Contains(l)));
        o.DefaultLanguage = DefaultLanguage ?? "es";
        o.Currency = (Currency ?? "").Trim().ToUpperInvariant();
        o.Website = string.IsNullOrWhiteSpace(Website) ? null : Website.Trim();
        if (DormancyMonths is { } months) o.DormancyMonths = months;
        o.IatiOrganisationId = string.IsNullOrWhiteSpace(IatiOrganisationId) ? null : IatiOrganisationId.Trim().ToUpperInvariant();
    }
}

public sealed record OrganizationDto(Guid Id, string Slug, LocalizedText Name, OrganizationKind Kind, string Country, long? Population,
    IReadOnlyList<string> WorkingLanguages, string DefaultLanguage, string Currency, string? Website, int DormancyMonths, string? IatiOrganisationId, long Version)
{
    public static OrganizationDto From(Organization o) =>
        new(o.Id, o.Slug, o.Name, o.Kind, o.Country, o.Population, o.Languages, o.DefaultLanguage, o.Currency, o.Website, o.DormancyMonths, o.IatiOrganisationId, o.Version);
}

/// <summary>ISO 3166-1 countries with names in es/en/fr (from i18n-iso-countries; see NOTICE).</summary>
public static class Countries
{
    public sealed record Country(string Code, string Alpha3, string Numeric, string En, string Es, string Fr)
    {
        public string Name(string lang) => lang switch { "es" => Es, "fr" => Fr, _ => En };
    }

    public static readonly IReadOnlyList<Country> All = Load();
    private static readonly Dictionary<string, Country> ByCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    public static bool Exists(string? code) => code is not null && ByCode.ContainsKey(code);
    public static string Name(string? code, string lang) => code is not null && ByCode.TryGetValue(code, out var c) ? c.Name(lang) : code ?? "";

    private static List<Country> Load()
    {
        using var stream = typeof(LocalizedText).Assembly.GetManifestResourceStream("Nodal.Core.Reference.countries.json")
            ?? throw new InvalidOperationException("countries.json is not embedded.");
        return JsonSerializer.Deserialize<List<Country>>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}

public static class Currencies
{
    /// <summary>ISO 4217 codes known to the platform (.NET's culture data).</summary>
    public static readonly IReadOnlySet<string> All = System.Globalization.CultureInfo.GetCultures(System.Globalization.CultureTypes.SpecificCultures)
        .Select(c => { try { return new System.Globalization.RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .Where(c => c is { Length: 3 }).Select(c => c!).ToHashSet(StringComparer.OrdinalIgnoreCase);
}

public sealed class OrganizationValidator : AbstractValidator<OrganizationInput>
{
    public static readonly HashSet<string> ReservedSlugs = ["account", "api", "healthz", "openapi", "lib", "css", "js", "error", "organizations", "ping", "scalar", "favicon.ico", "new"];

    public OrganizationValidator(IStringLocalizer<SharedResource> L, bool creating)
    {
        RuleFor(x => x.DefaultLanguage).NotEmpty().WithMessage(L["Choose the main language."])
            .Must(l => l is null || LocalizedText.Languages.Contains(l)).WithMessage(L["Choose Spanish, English or French."]);
        RuleFor(x => x.WorkingLanguages).NotEmpty().WithMessage(L["Choose at least one working language."])
            .Must(ls => ls.All(l => LocalizedText.Languages.Contains(l))).WithMessage(L["Choose Spanish, English or French."]);
        RuleFor(x => x).Must(x => x.DefaultLanguage is null || x.WorkingLanguages.Contains(x.DefaultLanguage))
            .OverridePropertyName(nameof(OrganizationInput.DefaultLanguage)).WithMessage(L["The main language must be one of the working languages."]);
        RuleFor(x => x.Name[x.DefaultLanguage ?? "es"]).NotEmpty().OverridePropertyName("Name")
            .WithMessage(L["Enter the organization's name in its main language."]);
        foreach (var lang in LocalizedText.Languages)
            RuleFor(x => x.Name[lang]).MaximumLength(300).OverridePropertyName($"Name.{char.ToUpperInvariant(lang[0])}{lang[1..]}")
                .WithMessage(L["Use at most {0} characters.", 300]);
        if (creating)
            RuleFor(x => x.Slug).NotEmpty().WithMessage(L["Enter the address name, such as barcelona."])
                .Matches("^[a-z0-9][a-z0-9-]{1,62}$").WithMessage(L["Use 2 to 63 lowercase letters, digits and hyphens."])
                .Must(s => s is null || !ReservedSlugs.Contains(s)).WithMessage(L["This address name is reserved."]);
        RuleFor(x => x.Kind).NotNull().WithMessage(L["Choose the kind of government."]).IsInEnum().WithMessage(L["This value is not valid."]);
        RuleFor(x => x.Country).NotEmpty().WithMessage(L["Choose the country."])
            .Must(Countries.Exists).When(x => !string.IsNullOrEmpty(x.Country)).WithMessage(L["Choose a country from the list."]);
        RuleFor(x => x.Population).GreaterThan(0).WithMessage(L["Enter a number greater than 0."]);
        RuleFor(x => x.Currency).NotEmpty().WithMessage(L["Enter a currency code such as EUR."])
            .Must(c => c is null || Currencies.All.Contains(c.Trim())).When(x => !string.IsNullOrEmpty(x.Currency)).WithMessage(L["Enter an ISO 4217 currency code such as EUR, USD or MXN."]);
        RuleFor(x => x.Website).Must(w => Uri.TryCreate(w, UriKind.Absolute, out var u) && (u.Scheme == "https" || u.Scheme == "http"))
            .When(x => !string.IsNullOrWhiteSpace(x.Website)).WithMessage(L["Enter a web address starting with https://."]);
        RuleFor(x => x.DormancyMonths).InclusiveBetween(1, 120).WithMessage(L["Enter a number of months between {0} and {1}.", 1, 120]);
        RuleFor(x => x.IatiOrganisationId).MaximumLength(100).WithMessage(L["Use at most {0} characters.", 100])
            .Matches("^[A-Za-z0-9]+(-[A-Za-z0-9]+)+$").When(x => !string.IsNullOrWhiteSpace(x.IatiOrganisationId))
            .WithMessage(L["Enter an IATI organisation identifier: letters and digits in hyphen-separated parts, such as XM-DAC-41114."]);
    }
}

public sealed class OrganizationService(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L)
{
    public Task<Organization> CurrentAsync(CancellationToken ct) =>
        db.Organizations.FirstAsync(o => o.Id == tenant.OrganizationId, ct);

    public async Task<ValidationResult> ValidateAsync(OrganizationInput input, bool creating, CancellationToken ct)
    {
        var result = await new OrganizationValidator(L, creating).ValidateAsync(input, ct);
        if (creating && !string.IsNullOrWhiteSpace(input.Slug) && !result.Errors.Any(e => e.PropertyName == "Slug"))
        {
            var slug = input.Slug.Trim().ToLowerInvariant();
            if (await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Slug == slug, ct))
                result.Errors.Add(new ValidationFailure("Slug", L["Another organization already uses this address name."]));
        }
        return result;
    }

    public async Task UpdateAsync(Organization o, OrganizationInput input, CancellationToken ct)
    {
        db.ExpectVersion(o, input.Version ?? o.Version);
        input.ApplyTo(o, includeSlug: false);
        await db.SaveChangesAsync(ct);
    }
}

public static class OrganizationApi
{
    public static RouteGroupBuilder MapOrganizationApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/organization").WithTags("Organization");
        g.MapGet("/", async (OrganizationService service, CancellationToken ct) => TypedResults.Ok(OrganizationDto.From(await service.CurrentAsync(ct))))
            .WithName("GetOrganization").WithSummary("Get the organization's profile").WithDescription("Name in es/en/fr, kind, country, population, working languages.");
        g.MapPut("/", async Task<Results<Ok<OrganizationDto>, ValidationProblem, ProblemHttpResult>> (OrganizationInput input, OrganizationService service, IStringLocalizer<SharedResource> L, NodalDbContext db, CancellationToken ct) =>
            {
                var o = await service.CurrentAsync(ct);
                var validation = await service.ValidateAsync(input, creating: false, ct);
                if (!validation.IsValid) return ApiResults.Invalid(validation, L);
                try
                {
                    await service.UpdateAsync(o, input, ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    var current = await db.Organizations.AsNoTracking().FirstAsync(x => x.Id == o.Id, ct);
                    return ApiResults.Conflict(L, OrganizationDto.From(current));
                }
                return TypedResults.Ok(OrganizationDto.From(o));
            })
            .Requires(Capability.ManageOrganization)
            .WithName("UpdateOrganization").WithSummary("Change the organization's profile").WithDescription("Send the version you read; a stale version answers 409.");
        return api;
    }
}
