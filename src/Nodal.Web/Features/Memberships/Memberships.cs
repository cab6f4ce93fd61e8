using FluentValidation;
using FluentValidation.Results;
using Nodal.Core.Relations;

namespace Nodal.Web.Features.Memberships;

/// <summary>What a user sends to create or change a membership of a city network.</summary>
public sealed class MembershipInput
{
    /// <summary>A counterpart of kind CityNetwork.</summary>
    public Guid? NetworkId { get; set; }
    public DateOnly? Since { get; set; }
    public DateOnly? Until { get; set; }
    public decimal? AnnualFee { get; set; }
    /// <summary>ISO 4217; the organization's currency when empty.</summary>
    public string? Currency { get; set; }
    public List<string> WorkingGroups { get; set; } = [];
    public LocalizedText Commitments { get; set; } = new();
    public Guid? LeadDepartmentId { get; set; }
    public LocalizedText Notes { get; set; } = new();
    public long? Version { get; set; }

    public static MembershipInput From(NetworkMembership m) => new()
    {
        NetworkId = m.NetworkId, Since = m.Since, Until = m.Until, AnnualFee = m.AnnualFee, Currency = m.Currency,
        WorkingGroups = [.. m.WorkingGroups], Commitments = new LocalizedText(m.Commitments.Es, m.Commitments.En, m.Commitments.Fr),
        LeadDepartmentId = m.LeadDepartmentId, Notes = new LocalizedText(m.Notes.Es, m.Notes.En, m.Notes.Fr), Version = m.Version,
    };
}

/// <summary>A role held in the network for a period.</summary>
public sealed class RoleInput
{
    public NetworkRole? Role { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Detail { get; set; }
}

/// <summary>A report due to the network.</summary>
public sealed class ReportInput
{
    public LocalizedText Title { get; set; } = new();
    public DateOnly? Due { get; set; }
    public DateOnly? SubmittedOn { get; set; }
}

public sealed class MembershipValidator : AbstractValidator<MembershipInput>
{
    public MembershipValidator(IStringLocalizer L, bool requireVersion)
    {
        RuleFor(x => x.NetworkId).NotNull().WithMessage(L["Choose the network."]);
        RuleFor(x => x.Until).Must((x, until) => until is null || x.Since is null || until >= x.Since).WithMessage(L["The end cannot come before the start."]);
        RuleFor(x => x.AnnualFee).GreaterThanOrEqualTo(0).WithMessage(L["Enter an amount of zero or more."]);
        RuleFor(x => x.Currency).Must(c => string.IsNullOrWhiteSpace(c) || Nodal.Web.Features.Organizations.Currencies.All.Contains(c.Trim().ToUpperInvariant()))
            .WithMessage(L["Enter an ISO 4217 currency code, such as EUR."]);
        RuleFor(x => x.WorkingGroups.Count).LessThanOrEqualTo(50).OverridePropertyName(nameof(MembershipInput.WorkingGroups)).WithMessage(L["Use at most {0} entries.", 50]);
        RuleForEach(x => x.WorkingGroups).MaximumLength(200).WithMessage(L["Use at most {0} characters.", 200]);
        foreach (var lang in LocalizedText.Languages)
        {
            var p = char.ToUpperInvariant(lang[0]) + lang[1..];
            RuleFor(x => x.Commitments[lang]).MaximumLength(4000).OverridePropertyName($"Commitments.{p}").WithMessage(L["Use at most {0} characters.", 4000]);
            RuleFor(x => x.Notes[lang]).MaximumLength(4000).OverridePropertyName($"Notes.{p}").WithMessage(L["Use at most {0} characters.", 4000]);
        }
        if (requireVersion)
            RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }
}

public sealed class RoleValidator : AbstractValidator<RoleInput>
{
    public RoleValidator(IStringLocalizer L)
    {
        RuleFor(x => x.Role).NotNull().WithMessage(L["Choose the role."]).IsInEnum().WithMessage(L["Choose the role."]);
        RuleFor(x => x.From).NotNull().WithMessage(L["Enter the start date."]);
        RuleFor(x => x.To).Must((x, to) => to is null || x.From is null || to >= x.From).WithMessage(L["The end cannot come before the start."]);
        RuleFor(x => x.Detail).MaximumLength(300).WithMessage(L["Use at most {0} characters.", 300]);
    }
}

public sealed class ReportValidator : AbstractValidator<ReportInput>
{
    public ReportValidator(IStringLocalizer L, string defaultLanguage)
    {
        RuleFor(x => x.Title[defaultLanguage]).NotEmpty().OverridePropertyName($"Title.{char.ToUpperInvariant(defaultLanguage[0])}{defaultLanguage[1..]}")
            .WithMessage(L["Enter the title in {0}, the organization's main language.", Languages.NativeName(defaultLanguage)]);
        RuleFor(x => x.Due).NotNull().WithMessage(L["Enter the due date."]);
    }
}

public sealed record RoleDto(Guid Id, NetworkRole Role, DateOnly From, DateOnly? To, string? Detail);
public sealed record ReportDto(Guid Id, LocalizedText Title, DateOnly Due, DateOnly? SubmittedOn);
public sealed record MembershipDto(Guid Id, Guid NetworkId, DateOnly? Since, DateOnly? Until, decimal? AnnualFee, string Currency,
    IReadOnlyList<string> WorkingGroups, LocalizedText Commitments, Guid? LeadDepartmentId, LocalizedText Notes,
    IReadOnlyList<RoleDto> Roles, IReadOnlyList<ReportDto> Reports, long Version);

public sealed class MembershipService(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<NetworkMembership?> FindAsync(Guid id, CancellationToken ct) => db.NetworkMemberships.FirstOrDefaultAsync(m => m.Id == id, ct);

    public async Task<(List<NetworkRoleHeld> Roles, List<MembershipReport> Reports)> ChildrenAsync(Guid id, CancellationToken ct) =>
        (await db.NetworkRoles.Where(r => r.MembershipId == id).OrderBy(r => r.From).ToListAsync(ct),
         await db.MembershipReports.Where(r => r.MembershipId == id).OrderBy(r => r.Due).ToListAsync(ct));

    public async Task<MembershipDto> ToDtoAsync(NetworkMembership m, CancellationToken ct)
    {
        var (roles, reports) = await ChildrenAsync(m.Id, ct);
        return new MembershipDto(m.Id, m.NetworkId, m.Since, m.Until, m.AnnualFee, m.Currency, m.WorkingGroups, m.Commitments, m.LeadDepartmentId, m.Notes,
            roles.Select(r => new RoleDto(r.Id, r.Role, r.From, r.To, r.Detail)).ToList(),
            reports.Select(r => new ReportDto(r.Id, r.Title, r.Due, r.SubmittedOn)).ToList(), m.Version);
    }

    public async Task<ValidationResult> ValidateAsync(MembershipInput input, Guid? existingId, CancellationToken ct)
    {
        input.WorkingGroups = ListText.Split(input.WorkingGroups, ListText.Names);
        var result = await new MembershipValidator(L, existingId is not null).ValidateAsync(input, ct);
        if (input.NetworkId is { } n && !await db.Counterparts.AnyAsync(c => c.Id == n && c.Kind == CounterpartKind.CityNetwork, ct))
            result.Errors.Add(new ValidationFailure(nameof(MembershipInput.NetworkId), L["Choose a city network registered as a counterpart."]));
        if (input.LeadDepartmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct))
            result.Errors.Add(new ValidationFailure(nameof(MembershipInput.LeadDepartmentId), L["This department does not exist."]));
        return result;
    }

    public async Task<NetworkMembership> CreateAsync(MembershipInput input, CancellationToken ct)
    {
        var m = new NetworkMembership();
        Apply(m, input);
        db.NetworkMemberships.Add(m);
        await db.SaveChangesAsync(ct);
        return m;
    }

    public async Task UpdateAsync(NetworkMembership m, MembershipInput input, CancellationToken ct)
    {
        db.ExpectVersion(m, input.Version ?? m.Version);
        Apply(m, input);
        await db.SaveChangesAsync(ct);
    }

    public Task DeleteAsync(NetworkMembership m, long? version, CancellationToken ct) => db.RemoveAsync(m, version, ct);

    public Task<NetworkMembership?> ReloadAsync(Guid id, CancellationToken ct) => db.FreshAsync<NetworkMembership>(id, ct);

    public async Task<NetworkRoleHeld> AddRoleAsync(NetworkMembership m, RoleInput input, CancellationToken ct)
    {
        var r = new NetworkRoleHeld { MembershipId = m.Id, Role = input.Role!.Value, From = input.From!.Value, To = input.To, Detail = string.IsNullOrWhiteSpace(input.Detail) ? null : input.Detail.Trim() };
        db.NetworkRoles.Add(r);
        await db.SaveChangesAsync(ct);
        return r;
    }

    public async Task<MembershipReport> AddReportAsync(NetworkMembership m, ReportInput input, CancellationToken ct)
    {
        var r = new MembershipReport { MembershipId = m.Id, Title = input.Title.Trimmed(), Due = input.Due!.Value, SubmittedOn = input.SubmittedOn };
        db.MembershipReports.Add(r);
        await db.SaveChangesAsync(ct);
        return r;
    }

    public Task<NetworkRoleHeld?> FindRoleAsync(Guid membershipId, Guid roleId, CancellationToken ct) =>
        db.NetworkRoles.FirstOrDefaultAsync(r => r.Id == roleId && r.MembershipId == membershipId, ct);

    public Task<MembershipReport?> FindReportAsync(Guid membershipId, Guid reportId, CancellationToken ct) =>
        db.MembershipReports.FirstOrDefaultAsync(r => r.Id == reportId && r.MembershipId == membershipId, ct);

    public async Task MarkSubmittedAsync(MembershipReport r, DateOnly? on, CancellationToken ct)
    {
        r.SubmittedOn = on ?? Today;
        await db.SaveChangesAsync(ct);
    }

    public Task RemoveAsync(TenantEntity child, CancellationToken ct) => db.RemoveAsync(child, null, ct);

    private void Apply(NetworkMembership m, MembershipInput input)
    {
        m.NetworkId = input.NetworkId!.Value;
        m.Since = input.Since;
        m.Until = input.Until;
        m.AnnualFee = input.AnnualFee;
        m.Currency = string.IsNullOrWhiteSpace(input.Currency) ? tenant.Currency : input.Currency.Trim().ToUpperInvariant();
        m.WorkingGroups = [.. input.WorkingGroups];
        m.Commitments = input.Commitments.Trimmed();
        m.LeadDepartmentId = input.LeadDepartmentId;
        m.Notes = input.Notes.Trimmed();
    }
}
