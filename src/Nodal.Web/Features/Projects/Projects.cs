using FluentValidation;
using FluentValidation.Results;
using Nodal.Core.Relations;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Projects;

/// <summary>What a user sends to create or change a cooperation project (form, API and IATI import alike).</summary>
public sealed class ProjectInput
{
    /// <summary>Unique in the organization; generated (PR-0001…) when empty on creation.</summary>
    public string? Code { get; set; }
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public CooperationKind? Kind { get; set; }
    public ProjectRole? OurRole { get; set; }
    public List<SupportKind> Support { get; set; } = [];
    /// <summary>OECD DAC 5-digit purpose codes.</summary>
    public List<string> Sectors { get; set; } = [];
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public List<string> Countries { get; set; } = [];
    /// <summary>UN M49 area codes (three digits).</summary>
    public List<string> Regions { get; set; } = [];
    public ProjectStatus? Status { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public DateOnly? ActualStart { get; set; }
    public DateOnly? ActualEnd { get; set; }
    public decimal? Budget { get; set; }
    /// <summary>ISO 4217; the organization's currency when empty.</summary>
    public string? Currency { get; set; }
    public LocalizedText Beneficiaries { get; set; } = new();
    public int? BeneficiaryCount { get; set; }
    public LocalizedText Results { get; set; } = new();
    public List<Guid> AgreementIds { get; set; } = [];
    public Guid? LeadDepartmentId { get; set; }
    /// <summary>The version the user saw; required to change an existing project.</summary>
    public long? Version { get; set; }

    public static ProjectInput From(CooperationProject p) => new()
    {
        Code = p.Code,
        Title = new LocalizedText(p.Title.Es, p.Title.En, p.Title.Fr),
        Description = new LocalizedText(p.Description.Es, p.Description.En, p.Description.Fr),
        Kind = p.Kind,
        OurRole = p.OurRole,
        Support = [.. p.Support],
        Sectors = [.. p.Sectors],
        Countries = [.. p.Countries],
        Regions = [.. p.Regions],
        Status = p.Status,
        PlannedStart = p.PlannedStart,
        PlannedEnd = p.PlannedEnd,
        ActualStart = p.ActualStart,
        ActualEnd = p.ActualEnd,
        Budget = p.Budget,
        Currency = p.Currency,
        Beneficiaries = new LocalizedText(p.Beneficiaries.Es, p.Beneficiaries.En, p.Beneficiaries.Fr),
        BeneficiaryCount = p.BeneficiaryCount,
        Results = new LocalizedText(p.Results.Es, p.Results.En, p.Results.Fr),
        AgreementIds = [.. p.AgreementIds],
        LeadDepartmentId = p.LeadDepartmentId,
        Version = p.Version,
    };

    /// <summary>Trims and uppercases codes, drops blanks and duplicates.</summary>
    public void Compact()
    {
        Sectors = ListText.Split(Sectors, ListText.Codes);
        Countries = ListText.Split(Countries, ListText.Codes, upper: true);
        Regions = ListText.Split(Regions, ListText.Codes).Select(r => r.Length is 1 or 2 && r.All(char.IsAsciiDigit) ? r.PadLeft(3, '0') : r).Distinct().ToList();
        Support = Support.Distinct().ToList();
        AgreementIds = AgreementIds.Where(id => id != Guid.Empty).Distinct().ToList();
        Currency = string.IsNullOrWhiteSpace(Currency) ? null : Currency.Trim().ToUpperInvariant();
    }

    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();
}

/// <summary>An organization taking part in a project.</summary>
public sealed class PartnerInput
{
    public Guid? CounterpartId { get; set; }
    /// <summary>Required when no counterpart is chosen; else the counterpart's name is used when empty.</summary>
    public string? Name { get; set; }
    public PartnerRole? Role { get; set; }
    public string? IatiRef { get; set; }
    /// <summary>IATI OrganisationType code (e.g. 11 local government).</summary>
    public int? IatiType { get; set; }
    public long? Version { get; set; }
}

/// <summary>A money movement of a project.</summary>
public sealed class TransactionInput
{
    public TransactionKind? Kind { get; set; }
    public DateOnly? On { get; set; }
    public decimal? Amount { get; set; }
    /// <summary>ISO 4217; the project's currency when empty.</summary>
    public string? Currency { get; set; }
    public string? Description { get; set; }
    public string? ProviderName { get; set; }
    public string? ReceiverName { get; set; }
    public long? Version { get; set; }
}

/// <summary>The codes of the IATI 2.03 codelists that projects use, beside the model's enums.</summary>
public static class IatiCodes
{
    /// <summary>OrganisationType.</summary>
    public static readonly IReadOnlyList<int> OrganisationTypes = [10, 11, 15, 21, 22, 23, 24, 30, 40, 60, 70, 71, 72, 73, 80, 90];

    public static bool IsCurrency(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper)
                                                   && Nodal.Web.Features.Organizations.Currencies.All.Contains(code);

    /// <summary>An IATI organisation identifier: registration agency prefix, a hyphen, the number (letters, digits, hyphens, dots…).</summary>
    public static bool IsOrganisationId(string? id) =>
        id is { Length: >= 3 and <= 200 } && id.Contains('-') && !id.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#' or '<' or '>' or '&' or '"');
}

public sealed class ProjectValidator : AbstractValidator<ProjectInput>
{
    /// <param name="anyTitleLanguage">For imports: a title in any of the three languages is enough (another publisher's
    /// file need not have one in the organization's main language).</param>
    public ProjectValidator(IStringLocalizer L, string defaultLanguage, bool requireVersion, bool anyTitleLanguage = false)
    {
        RuleFor(x => x.Code).MaximumLength(20).WithMessage(L["Use at most {0} characters.", 20])
            .Matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$").When(x => !string.IsNullOrWhiteSpace(x.Code))
            .WithMessage(L["Use only letters, digits, dots, hyphens and underscores."]);
        if (anyTitleLanguage)
            RuleFor(x => x.Title).Must(t => !t.IsEmpty).WithMessage(L["The activity has no title in Spanish, English or French."]);
        else
            RuleFor(x => x.Title[defaultLanguage]).NotEmpty().OverridePropertyName($"Title.{Pascal(defaultLanguage)}")
                .WithMessage(L["Enter the title in {0}, the organization's main language.", Languages.NativeName(defaultLanguage)]);
        foreach (var lang in LocalizedText.Languages)
        {
            RuleFor(x => x.Title[lang]).MaximumLength(300).OverridePropertyName($"Title.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 300]);
            RuleFor(x => x.Description[lang]).MaximumLength(8000).OverridePropertyName($"Description.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 8000]);
            RuleFor(x => x.Beneficiaries[lang]).MaximumLength(1000).OverridePropertyName($"Beneficiaries.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 1000]);
            RuleFor(x => x.Results[lang]).MaximumLength(4000).OverridePropertyName($"Results.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 4000]);
        }
        RuleFor(x => x.Kind).NotNull().WithMessage(L["Choose the kind of cooperation."]).IsInEnum().WithMessage(L["Choose the kind of cooperation."]);
        RuleFor(x => x.OurRole).NotNull().WithMessage(L["Choose the organization's role in the project."]).IsInEnum().WithMessage(L["Choose the organization's role in the project."]);
        RuleFor(x => x.Status).NotNull().WithMessage(L["Choose the status."]).IsInEnum().WithMessage(L["Choose the status."]);
        RuleForEach(x => x.Support).IsInEnum().WithMessage(L["Choose among the kinds of support offered."]);
        RuleForEach(x => x.Sectors).Must(DacSectors.Exists)
            .WithMessage((_, s) => L["{0} is not a DAC 5-digit sector code.", s]);
        RuleForEach(x => x.Countries).Must(Nodal.Web.Features.Organizations.Countries.Exists)
            .WithMessage((_, c) => L["{0} is not an ISO 3166 country code.", c]);
        RuleForEach(x => x.Regions).Must(M49.IsArea)
            .WithMessage((_, r) => L["{0} is not a UN M49 region code.", r]);
        RuleFor(x => x.Sectors.Count).LessThanOrEqualTo(30).OverridePropertyName(nameof(ProjectInput.Sectors)).WithMessage(L["Use at most {0} entries.", 30]);
        RuleFor(x => x.Countries.Count).LessThanOrEqualTo(60).OverridePropertyName(nameof(ProjectInput.Countries)).WithMessage(L["Use at most {0} entries.", 60]);
        RuleFor(x => x.Regions.Count).LessThanOrEqualTo(30).OverridePropertyName(nameof(ProjectInput.Regions)).WithMessage(L["Use at most {0} entries.", 30]);
        RuleFor(x => x.PlannedStart).Must((x, d) => d is not null || x.ActualStart is not null)
            .WithMessage(L["Enter the planned start or the actual start."]);
        RuleFor(x => x.PlannedEnd).Must((x, end) => end is null || x.PlannedStart is null || end >= x.PlannedStart)
            .WithMessage(L["The end cannot come before the start."]);
        RuleFor(x => x.ActualEnd).Must((x, end) => end is null || x.ActualStart is null || end >= x.ActualStart)
            .WithMessage(L["The end cannot come before the start."]);
        RuleFor(x => x.ActualEnd).Must((x, end) => end is null || x.ActualStart is not null)
            .WithMessage(L["A project that has ended has started: enter the actual start too."]);
        RuleFor(x => x.ActualStart).NotNull().When(x => x.Status is ProjectStatus.Implementation or ProjectStatus.Finalisation or ProjectStatus.Closed)
            .WithMessage(L["A project in implementation or later has started: enter the actual start."]);
        RuleFor(x => x.Budget).GreaterThanOrEqualTo(0).WithMessage(L["Enter an amount of zero or more."]);
        RuleFor(x => x.Currency).Must(c => c is null || IatiCodes.IsCurrency(c))
            .WithMessage(L["Enter an ISO 4217 currency code, such as EUR."]);
        RuleFor(x => x.BeneficiaryCount).GreaterThanOrEqualTo(0).WithMessage(L["Enter a number of zero or more."]);
        if (requireVersion)
            RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }

    public static string Pascal(string lang) => char.ToUpperInvariant(lang[0]) + lang[1..];
}

public sealed class PartnerValidator : AbstractValidator<PartnerInput>
{
    public PartnerValidator(IStringLocalizer L, bool requireVersion)
    {
        RuleFor(x => x.Name).Must((x, n) => !string.IsNullOrWhiteSpace(n) || x.CounterpartId is not null)
            .WithMessage(L["Choose a registered counterpart or enter the organization's name."])
            .MaximumLength(300).WithMessage(L["Use at most {0} characters.", 300]);
        RuleFor(x => x.Role).NotNull().WithMessage(L["Choose the partner's role."]).IsInEnum().WithMessage(L["Choose the partner's role."]);
        RuleFor(x => x.IatiRef).Must(r => string.IsNullOrWhiteSpace(r) || IatiCodes.IsOrganisationId(r.Trim()))
            .WithMessage(L["Enter an IATI organisation identifier such as XM-DAC-41114 (agency prefix, hyphen, number; no spaces)."]);
        RuleFor(x => x.IatiType).Must(t => t is null || IatiCodes.OrganisationTypes.Contains(t.Value))
            .WithMessage(L["Choose an IATI organisation type."]);
        if (requireVersion)
            RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }
}

public sealed class TransactionValidator : AbstractValidator<TransactionInput>
{
    public TransactionValidator(IStringLocalizer L, bool requireVersion)
    {
        RuleFor(x => x.Kind).NotNull().WithMessage(L["Choose the kind of transaction."]).IsInEnum().WithMessage(L["Choose the kind of transaction."]);
        RuleFor(x => x.On).NotNull().WithMessage(L["Enter the date of the transaction."]);
        RuleFor(x => x.Amount).NotNull().WithMessage(L["Enter the amount."])
            .GreaterThan(0).WithMessage(L["Enter an amount greater than zero."]);
        RuleFor(x => x.Currency).Must(c => string.IsNullOrWhiteSpace(c) || IatiCodes.IsCurrency(c.Trim().ToUpperInvariant()))
            .WithMessage(L["Enter an ISO 4217 currency code, such as EUR."]);
        RuleFor(x => x.Description).MaximumLength(1000).WithMessage(L["Use at most {0} characters.", 1000]);
        RuleFor(x => x.ProviderName).MaximumLength(300).WithMessage(L["Use at most {0} characters.", 300]);
        RuleFor(x => x.ReceiverName).MaximumLength(300).WithMessage(L["Use at most {0} characters.", 300]);
        if (requireVersion)
            RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }
}

public sealed record PartnerDto(Guid Id, Guid? CounterpartId, string Name, PartnerRole Role, string? IatiRef, int? IatiType, long Version);
public sealed record TransactionDto(Guid Id, TransactionKind Kind, DateOnly On, decimal Amount, string Currency, string? Description, string? ProviderName, string? ReceiverName, long Version);
/// <summary>The sum of a project's transactions of one kind in one currency.</summary>
public sealed record TransactionTotal(TransactionKind Kind, string Currency, decimal Amount);

public sealed record ProjectDto(
    Guid Id, string Code, string? IatiIdentifier, LocalizedText Title, LocalizedText Description, CooperationKind Kind, ProjectRole OurRole,
    IReadOnlyList<SupportKind> Support, IReadOnlyList<string> Sectors, IReadOnlyList<string> Countries, IReadOnlyList<string> Regions,
    ProjectStatus Status, DateOnly? PlannedStart, DateOnly? PlannedEnd, DateOnly? ActualStart, DateOnly? ActualEnd,
    decimal? Budget, string Currency, LocalizedText Beneficiaries, int? BeneficiaryCount, LocalizedText Results,
    IReadOnlyList<Guid> AgreementIds, Guid? LeadDepartmentId,
    IReadOnlyList<PartnerDto> Partners, IReadOnlyList<TransactionDto> Transactions, IReadOnlyList<TransactionTotal> Totals, long Version);

/// <summary>
/// Cooperation projects: validation and writes shared by the pages, the API and the IATI import. Every
/// write stays inside the request's transaction.
/// </summary>
public sealed class ProjectService(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L)
{
    public const string CodePrefix = "PR-";

    public Task<CooperationProject?> FindAsync(Guid id, CancellationToken ct) => db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>Field rules, then references (agreements, department) and a unique code.</summary>
    public async Task<ValidationResult> ValidateAsync(ProjectInput input, Guid? existingId, CancellationToken ct)
    {
        input.Compact();
        var result = await new ProjectValidator(L, tenant.DefaultLanguage, existingId is not null).ValidateAsync(input, ct);
        void Fail(string field, string message)
        {
            if (!result.Errors.Any(e => e.PropertyName == field)) result.Errors.Add(new ValidationFailure(field, message));
        }
        if (!await db.Agreements.ContainsAllAsync(input.AgreementIds, ct))
            Fail(nameof(ProjectInput.AgreementIds), L["One of these agreements does not exist."]);
        if (input.LeadDepartmentId is { } dept && !await db.Departments.AnyAsync(d => d.Id == dept, ct))
            Fail(nameof(ProjectInput.LeadDepartmentId), L["This department does not exist."]);
        var code = ProjectInput.NormalizeCode(input.Code);
        if (code.Length > 0 && !result.Errors.Any(e => e.PropertyName == nameof(ProjectInput.Code)))
        {
            var clash = await db.Projects.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AsNoTracking()
                .Where(p => p.Code == code && p.Id != existingId).Select(p => new { p.DeletedAt }).FirstOrDefaultAsync(ct);
            if (clash is not null)
                Fail(nameof(ProjectInput.Code), clash.DeletedAt is null
                    ? L["Another project already uses this code."]
                    : L["A project in the Trash uses this code; restore it or choose another code."]);
        }
        return result;
    }

    /// <summary>The codes in use (the Trash's included: they stay reserved).</summary>
    public Task<List<string>> CodesAsync(CancellationToken ct) =>
        db.Projects.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(p => p.Code.StartsWith(CodePrefix)).Select(p => p.Code).ToListAsync(ct);

    public async Task<string> NextCodeAsync(CancellationToken ct) => RelationLookups.NextCode(CodePrefix, await CodesAsync(ct));

    /// <summary>Adds the project (not saved).</summary>
    public async Task<CooperationProject> AddAsync(ProjectInput input, CancellationToken ct, string? code = null)
    {
        var p = new CooperationProject { Code = ProjectInput.NormalizeCode(input.Code) };
        if (p.Code.Length == 0) p.Code = code ?? await NextCodeAsync(ct);
        Apply(p, input);
        db.Projects.Add(p);
        return p;
    }

    public async Task<CooperationProject> CreateAsync(ProjectInput input, CancellationToken ct)
    {
        var p = await AddAsync(input, ct);
        await db.SaveChangesAsync(ct);
        return p;
    }

    /// <summary>Saves over the version the user saw; throws DbUpdateConcurrencyException when it is stale.</summary>
    public async Task UpdateAsync(CooperationProject p, ProjectInput input, CancellationToken ct)
    {
        db.ExpectVersion(p, input.Version ?? p.Version);
        if (!string.IsNullOrWhiteSpace(input.Code)) p.Code = ProjectInput.NormalizeCode(input.Code);
        Apply(p, input);
        await db.SaveChangesAsync(ct);
    }

    // Partners and transactions stay with the project: hidden while it is in the Trash, back when it is restored.
    public Task DeleteAsync(CooperationProject p, long? version, CancellationToken ct) => db.RemoveAsync(p, version, ct);

    public void Apply(CooperationProject p, ProjectInput input)
    {
        p.Title = input.Title.Trimmed();
        p.Description = input.Description.Trimmed();
        p.Kind = input.Kind!.Value;
        p.OurRole = input.OurRole!.Value;
        p.Support = [.. input.Support.Order()];
        p.Sectors = [.. input.Sectors];
        p.Countries = [.. input.Countries];
        p.Regions = [.. input.Regions];
        p.Status = input.Status!.Value;
        p.PlannedStart = input.PlannedStart;
        p.PlannedEnd = input.PlannedEnd;
        p.ActualStart = input.ActualStart;
        p.ActualEnd = input.ActualEnd;
        p.Budget = input.Budget;
        p.Currency = input.Currency ?? tenant.Currency;
        p.Beneficiaries = input.Beneficiaries.Trimmed();
        p.BeneficiaryCount = input.BeneficiaryCount;
        p.Results = input.Results.Trimmed();
        p.AgreementIds = [.. input.AgreementIds];
        p.LeadDepartmentId = input.LeadDepartmentId;
    }

    /// <summary>The project as saved now, after a save lost a race.</summary>
    public Task<CooperationProject?> ReloadAsync(Guid id, CancellationToken ct) => db.FreshAsync<CooperationProject>(id, ct);

    public async Task<ProjectPartner?> ReloadPartnerAsync(Guid projectId, Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.ProjectPartners.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.ProjectId == projectId, ct);
    }

    public async Task<ProjectTransaction?> ReloadTransactionAsync(Guid projectId, Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.ProjectTransactions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.ProjectId == projectId, ct);
    }

    public Task<List<ProjectPartner>> PartnersAsync(Guid projectId, CancellationToken ct) =>
        db.ProjectPartners.Where(x => x.ProjectId == projectId).OrderBy(x => x.Role).ThenBy(x => x.Name).ToListAsync(ct);

    public Task<List<ProjectTransaction>> TransactionsAsync(Guid projectId, CancellationToken ct) =>
        db.ProjectTransactions.Where(x => x.ProjectId == projectId).OrderBy(x => x.On).ThenBy(x => x.Kind).ToListAsync(ct);

    /// <summary>Sums per kind and currency (currencies are never converted).</summary>
    public static IReadOnlyList<TransactionTotal> Totals(IEnumerable<ProjectTransaction> transactions) =>
        transactions.GroupBy(t => (t.Kind, t.Currency)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Currency)
            .Select(g => new TransactionTotal(g.Key.Kind, g.Key.Currency, g.Sum(t => t.Amount))).ToList();

    public static PartnerDto ToDto(ProjectPartner x) => new(x.Id, x.CounterpartId, x.Name, x.Role, x.IatiRef, x.IatiType, x.Version);
    public static TransactionDto ToDto(ProjectTransaction t) => new(t.Id, t.Kind, t.On, t.Amount, t.Currency, t.Description, t.ProviderName, t.ReceiverName, t.Version);

    public async Task<ProjectDto> ToDtoAsync(CooperationProject p, CancellationToken ct)
    {
        var partners = await db.ProjectPartners.AsNoTracking().Where(x => x.ProjectId == p.Id).OrderBy(x => x.Role).ThenBy(x => x.Name).ToListAsync(ct);
        var transactions = await db.ProjectTransactions.AsNoTracking().Where(x => x.ProjectId == p.Id).OrderBy(x => x.On).ThenBy(x => x.Kind).ToListAsync(ct);
        return new ProjectDto(p.Id, p.Code, p.IatiIdentifier, p.Title, p.Description, p.Kind, p.OurRole, p.Support, p.Sectors, p.Countries, p.Regions,
            p.Status, p.PlannedStart, p.PlannedEnd, p.ActualStart, p.ActualEnd, p.Budget, p.Currency, p.Beneficiaries, p.BeneficiaryCount, p.Results,
            p.AgreementIds, p.LeadDepartmentId, partners.Select(ToDto).ToList(), transactions.Select(ToDto).ToList(), Totals(transactions), p.Version);
    }

    // ---- partners ----

    public async Task<ValidationResult> ValidatePartnerAsync(PartnerInput input, bool existing, CancellationToken ct)
    {
        var result = await new PartnerValidator(L, existing).ValidateAsync(input, ct);
        if (input.CounterpartId is { } cp && !await db.Counterparts.AnyAsync(c => c.Id == cp, ct))
            result.Errors.Add(new ValidationFailure(nameof(PartnerInput.CounterpartId), L["This counterpart does not exist."]));
        return result;
    }

    public Task<ProjectPartner?> FindPartnerAsync(Guid projectId, Guid id, CancellationToken ct) =>
        db.ProjectPartners.FirstOrDefaultAsync(x => x.Id == id && x.ProjectId == projectId, ct);

    /// <summary>Adds or changes a partner; a change of a child is a change of the project (its version moves too).</summary>
    public async Task<ProjectPartner> SavePartnerAsync(CooperationProject p, ProjectPartner? x, PartnerInput input, CancellationToken ct)
    {
        if (x is null)
        {
            x = new ProjectPartner { ProjectId = p.Id };
            db.ProjectPartners.Add(x);
        }
        else
        {
            db.ExpectVersion(x, input.Version ?? x.Version);
        }
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) && input.CounterpartId is { } cp)
            name = await db.Counterparts.Where(c => c.Id == cp).Select(c => c.Name).FirstAsync(ct);
        x.CounterpartId = input.CounterpartId;
        x.Name = name!;
        x.Role = input.Role!.Value;
        x.IatiRef = string.IsNullOrWhiteSpace(input.IatiRef) ? null : input.IatiRef.Trim();
        x.IatiType = input.IatiType;
        Touch(p);
        await db.SaveChangesAsync(ct);
        return x;
    }

    public Task DeletePartnerAsync(CooperationProject p, ProjectPartner x, long? version, CancellationToken ct)
    {
        Touch(p);
        return db.RemoveAsync(x, version, ct);
    }

    // ---- transactions ----

    public Task<ValidationResult> ValidateTransactionAsync(TransactionInput input, bool existing, CancellationToken ct) =>
        new TransactionValidator(L, existing).ValidateAsync(input, ct);

    public Task<ProjectTransaction?> FindTransactionAsync(Guid projectId, Guid id, CancellationToken ct) =>
        db.ProjectTransactions.FirstOrDefaultAsync(x => x.Id == id && x.ProjectId == projectId, ct);

    public async Task<ProjectTransaction> SaveTransactionAsync(CooperationProject p, ProjectTransaction? t, TransactionInput input, CancellationToken ct)
    {
        if (t is null)
        {
            t = new ProjectTransaction { ProjectId = p.Id };
            db.ProjectTransactions.Add(t);
        }
        else
        {
            db.ExpectVersion(t, input.Version ?? t.Version);
        }
        Apply(t, input, p.Currency);
        Touch(p);
        await db.SaveChangesAsync(ct);
        return t;
    }

    public static void Apply(ProjectTransaction t, TransactionInput input, string projectCurrency)
    {
        t.Kind = input.Kind!.Value;
        t.On = input.On!.Value;
        t.Amount = input.Amount!.Value;
        t.Currency = string.IsNullOrWhiteSpace(input.Currency) ? projectCurrency : input.Currency.Trim().ToUpperInvariant();
        t.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        t.ProviderName = string.IsNullOrWhiteSpace(input.ProviderName) ? null : input.ProviderName.Trim();
        t.ReceiverName = string.IsNullOrWhiteSpace(input.ReceiverName) ? null : input.ReceiverName.Trim();
    }

    public Task DeleteTransactionAsync(CooperationProject p, ProjectTransaction t, long? version, CancellationToken ct)
    {
        Touch(p);
        return db.RemoveAsync(t, version, ct);
    }

    /// <summary>A partner or transaction changed: the project's version moves too, so a stale project form is refused.</summary>
    private void Touch(CooperationProject p)
    {
        var entry = db.Entry(p);
        if (entry.State == EntityState.Unchanged) entry.Property(x => x.Version).IsModified = true;
    }
}
