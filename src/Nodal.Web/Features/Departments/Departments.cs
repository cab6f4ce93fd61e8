using FluentValidation;
using FluentValidation.Results;

namespace Nodal.Web.Features.Departments;

/// <summary>What a user sends to create or change a department (form and API alike).</summary>
public sealed class DepartmentInput
{
    public LocalizedText Name { get; set; } = new();
    public string? Code { get; set; }
    public string? Email { get; set; }
    /// <summary>The version the user saw; required to change an existing department.</summary>
    public long? Version { get; set; }

    public static DepartmentInput From(Department d) => new()
    {
        Name = new LocalizedText(d.Name.Es, d.Name.En, d.Name.Fr),
        Code = d.Code,
        Email = d.Email,
        Version = d.Version,
    };

    public void ApplyTo(Department d)
    {
        d.Name = Name.Trimmed();
        d.Code = Normalize(Code);
        d.Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
    }

    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();
}

public sealed record FocalPointDto(Guid UserId, string DisplayName, string? Email);

public sealed record DepartmentDto(Guid Id, LocalizedText Name, string Code, string? Email, long Version, IReadOnlyList<FocalPointDto> FocalPoints);

public sealed record DepartmentRow(Guid Id, string Code, string Name, string? Email, int FocalPoints);

public sealed class DepartmentValidator : AbstractValidator<DepartmentInput>
{
    public DepartmentValidator(IStringLocalizer<SharedResource> L, string defaultLanguage, bool requireVersion)
    {
        RuleFor(x => x.Name).NotNull();
        RuleFor(x => x.Name[defaultLanguage]).NotEmpty().OverridePropertyName($"Name.{Pascal(defaultLanguage)}")
            .WithMessage(L["Enter the name in {0}, the organization's main language.", Languages.NativeName(defaultLanguage)]);
        foreach (var lang in LocalizedText.Languages)
            RuleFor(x => x.Name[lang]).MaximumLength(200).OverridePropertyName($"Name.{Pascal(lang)}")
                .WithMessage(L["Use at most {0} characters.", 200]);
        RuleFor(x => x.Code).NotEmpty().WithMessage(L["Enter a short code, such as MOB."])
            .MaximumLength(20).WithMessage(L["Use at most {0} characters.", 20])
            .Matches("^[A-Za-z0-9][A-Za-z0-9_-]*$").WithMessage(L["Use only letters, digits, hyphens and underscores."]);
        RuleFor(x => x.Email).EmailAddress().WithMessage(L["Enter an email address like name@example.org."])
            .MaximumLength(256).WithMessage(L["Use at most {0} characters.", 256]);
        if (requireVersion)
            RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }

    private static string Pascal(string lang) => char.ToUpperInvariant(lang[0]) + lang[1..];
}

/// <summary>The department feature's reads and writes, shared by its pages and its API.</summary>
public sealed class DepartmentService(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L)
{
    public async Task<ValidationResult> ValidateAsync(DepartmentInput input, Guid? existingId, CancellationToken ct)
    {
        var result = await new DepartmentValidator(L, tenant.DefaultLanguage, existingId is not null).ValidateAsync(input, ct);
        var code = DepartmentInput.Normalize(input.Code);
        if (code.Length > 0 && !result.Errors.Any(e => e.PropertyName == nameof(DepartmentInput.Code)))
        {
            var clash = await db.Departments.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AsNoTracking()
                .Where(d => d.Code == code && d.Id != existingId).Select(d => new { d.DeletedAt }).FirstOrDefaultAsync(ct);
            if (clash is not null)
                result.Errors.Add(new ValidationFailure(nameof(DepartmentInput.Code), clash.DeletedAt is null
                    ? L["Another department already uses this code."]
                    : L["A department in the Trash uses this code; restore it or choose another code."]));
        }
        return result;
    }

    public async Task<PagedList<DepartmentRow>> ListAsync(ListQuery query, CancellationToken ct)
    {
        var lang = Languages.Current;
        var q = db.Departments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var s = query.Q.Trim().ToLower();
            q = q.Where(d => d.Code.ToLower().Contains(s) || (d.Name.Es ?? "").ToLower().Contains(s)
                             || (d.Name.En ?? "").ToLower().Contains(s) || (d.Name.Fr ?? "").ToLower().Contains(s)
                             || (d.Email ?? "").ToLower().Contains(s));
        }
        var memberships = db.Memberships;
        q = query.Filter switch
        {
            "with-focal-point" => q.Where(d => memberships.Any(m => m.DepartmentId == d.Id && m.Role == OrgRole.FocalPoint)),
            "without-focal-point" => q.Where(d => !memberships.Any(m => m.DepartmentId == d.Id && m.Role == OrgRole.FocalPoint)),
            _ => q,
        };
        var sorts = new SortMap<Department>("name")
            .Add("code", d => d.Code)
            .Add("email", d => d.Email)
            .Add("name", lang switch { "es" => d => d.Name.Es ?? d.Name.En ?? d.Name.Fr, "fr" => d => d.Name.Fr ?? d.Name.En ?? d.Name.Es, _ => (System.Linq.Expressions.Expression<Func<Department, string?>>)(d => d.Name.En ?? d.Name.Es ?? d.Name.Fr) });
        var page = await q.ToPagedAsync(query, sorts,
            d => new { d.Id, d.Code, d.Name, d.Email, FocalPoints = memberships.Count(m => m.DepartmentId == d.Id && m.Role == OrgRole.FocalPoint) }, ct);
        return new PagedList<DepartmentRow>(
            page.Items.Select(d => new DepartmentRow(d.Id, d.Code, d.Name.Get(lang, tenant.DefaultLanguage), d.Email, d.FocalPoints)).ToList(),
            page.Total, page.Page, page.PageSize, page.Sort, page.Descending);
    }

    public Task<Department?> FindAsync(Guid id, CancellationToken ct) => db.Departments.FirstOrDefaultAsync(d => d.Id == id, ct);

    public async Task<IReadOnlyList<FocalPointDto>> FocalPointsAsync(Guid departmentId, CancellationToken ct) =>
        await (from m in db.Memberships
               join u in db.Users on m.UserId equals u.Id
               where m.DepartmentId == departmentId && m.Role == OrgRole.FocalPoint
               orderby u.DisplayName
               select new FocalPointDto(u.Id, u.DisplayName, u.Email)).AsNoTracking().ToListAsync(ct);

    public async Task<DepartmentDto> ToDtoAsync(Department d, CancellationToken ct) =>
        new(d.Id, d.Name, d.Code, d.Email, d.Version, await FocalPointsAsync(d.Id, ct));

    public async Task<Department> CreateAsync(DepartmentInput input, CancellationToken ct)
    {
        var d = new Department();
        input.ApplyTo(d);
        db.Departments.Add(d);
        await db.SaveChangesAsync(ct);
        return d;
    }

    /// <summary>Saves over the version the user saw; throws DbUpdateConcurrencyException when it is stale.</summary>
    public async Task UpdateAsync(Department d, DepartmentInput input, CancellationToken ct)
    {
        db.ExpectVersion(d, input.Version ?? d.Version);
        input.ApplyTo(d);
        await db.SaveChangesAsync(ct);
    }

    public Task DeleteAsync(Department d, long? version, CancellationToken ct) => db.RemoveAsync(d, version, ct);

    public async Task<Department?> ReloadAsync(Guid id, CancellationToken ct) =>
        await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
}
