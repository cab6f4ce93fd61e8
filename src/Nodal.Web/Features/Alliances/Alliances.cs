using FluentValidation;
using FluentValidation.Results;
using Nodal.Core.Relations;

namespace Nodal.Web.Features.Alliances;

/// <summary>What a user sends to create or change a city alliance or declaration (form and API alike).</summary>
public sealed class AllianceInput
{
    public LocalizedText Title { get; set; } = new();
    /// <summary>The declaration's text or its summary.</summary>
    public LocalizedText Declaration { get; set; } = new();
    /// <summary>Where the declaration is published: an absolute http(s) address.</summary>
    public string? Url { get; set; }
    public DateOnly? AdheredOn { get; set; }
    public LocalizedText Commitments { get; set; } = new();
    /// <summary>Co-signatories registered as counterparts.</summary>
    public List<Guid> CoSignatoryIds { get; set; } = [];
    /// <summary>Other co-signatories by name, one per entry.</summary>
    public List<string> OtherCoSignatories { get; set; } = [];
    /// <summary>The network that promotes it: a counterpart of kind CityNetwork.</summary>
    public Guid? PromoterId { get; set; }
    public List<Guid> FollowUpActionIds { get; set; } = [];
    /// <summary>The version the user saw; required to change an existing alliance.</summary>
    public long? Version { get; set; }

    public static AllianceInput From(Alliance a) => new()
    {
        Title = new LocalizedText(a.Title.Es, a.Title.En, a.Title.Fr),
        Declaration = new LocalizedText(a.Declaration.Es, a.Declaration.En, a.Declaration.Fr),
        Url = a.Url, AdheredOn = a.AdheredOn,
        Commitments = new LocalizedText(a.Commitments.Es, a.Commitments.En, a.Commitments.Fr),
        CoSignatoryIds = [.. a.CoSignatoryIds], OtherCoSignatories = [.. a.OtherCoSignatories],
        PromoterId = a.PromoterId, FollowUpActionIds = [.. a.FollowUpActionIds], Version = a.Version,
    };

    /// <summary>Trims the texts, one name per line without duplicates, no empty ids.</summary>
    public void Compact()
    {
        Url = string.IsNullOrWhiteSpace(Url) ? null : Url.Trim();
        OtherCoSignatories = ListText.Split(OtherCoSignatories, ListText.Names);
        CoSignatoryIds = CoSignatoryIds.Where(id => id != Guid.Empty).Distinct().ToList();
        FollowUpActionIds = FollowUpActionIds.Where(id => id != Guid.Empty).Distinct().ToList();
        if (PromoterId == Guid.Empty) PromoterId = null;
    }
}

public sealed class AllianceValidator : AbstractValidator<AllianceInput>
{
    public AllianceValidator(IStringLocalizer L, string defaultLanguage, bool requireVersion)
    {
        RuleFor(x => x.Title).Must(t => LocalizedText.Languages.Any(l => !string.IsNullOrWhiteSpace(t[l])))
            .OverridePropertyName($"Title.{Pascal(defaultLanguage)}")
            .WithMessage(L["Enter the title in at least one language."]);
        foreach (var lang in LocalizedText.Languages)
        {
            RuleFor(x => x.Title[lang]).MaximumLength(300).OverridePropertyName($"Title.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 300]);
            RuleFor(x => x.Declaration[lang]).MaximumLength(20000).OverridePropertyName($"Declaration.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 20000]);
            RuleFor(x => x.Commitments[lang]).MaximumLength(4000).OverridePropertyName($"Commitments.{Pascal(lang)}").WithMessage(L["Use at most {0} characters.", 4000]);
        }
        RuleFor(x => x.Url).MaximumLength(2000).WithMessage(L["Use at most {0} characters.", 2000])
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .When(x => x.Url is not null).WithMessage(L["Enter a web address starting with https://."]);
        // Any real date: an adhesion may be recorded ahead of the signing ceremony; only typing slips (year 0201) are refused.
        RuleFor(x => x.AdheredOn).Must(d => d is null || d.Value.Year is >= 1900 and <= 2200).WithMessage(L["Enter a date like {0}.", "2018-06-15"]);
        RuleFor(x => x.OtherCoSignatories.Count).LessThanOrEqualTo(500).OverridePropertyName(nameof(AllianceInput.OtherCoSignatories)).WithMessage(L["Use at most {0} entries.", 500]);
        RuleForEach(x => x.OtherCoSignatories).MaximumLength(200).WithMessage(L["Use at most {0} characters.", 200]);
        RuleFor(x => x.CoSignatoryIds.Count).LessThanOrEqualTo(500).OverridePropertyName(nameof(AllianceInput.CoSignatoryIds)).WithMessage(L["Use at most {0} entries.", 500]);
        RuleFor(x => x.FollowUpActionIds.Count).LessThanOrEqualTo(500).OverridePropertyName(nameof(AllianceInput.FollowUpActionIds)).WithMessage(L["Use at most {0} entries.", 500]);
        if (requireVersion)
            RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }

    private static string Pascal(string lang) => char.ToUpperInvariant(lang[0]) + lang[1..];
}

public sealed record AllianceDto(
    Guid Id, LocalizedText Title, LocalizedText Declaration, string? Url, DateOnly? AdheredOn, LocalizedText Commitments,
    IReadOnlyList<Guid> CoSignatoryIds, IReadOnlyList<string> OtherCoSignatories, Guid? PromoterId, IReadOnlyList<Guid> FollowUpActionIds,
    FollowUp FollowUp, long Version)
{
    public static AllianceDto From(Alliance a, FollowUp followUp) => new(a.Id, a.Title, a.Declaration, a.Url, a.AdheredOn, a.Commitments,
        a.CoSignatoryIds, a.OtherCoSignatories, a.PromoterId, a.FollowUpActionIds, followUp, a.Version);
}

/// <summary>How an alliance is followed up: its actions, how many are done, and the latest one's date (its end, else its start).</summary>
public sealed record FollowUp(int Actions, int Done, DateOnly? LatestOn);

/// <summary>A follow-up action as the alliance's page shows it.</summary>
public sealed record FollowUpAction(Guid Id, string Code, string Title, ActionStatus Status, DateOnly? Start, DateOnly? End);

/// <summary>The alliances feature's validation, reads and writes, shared by its pages and its API.</summary>
public sealed class AllianceService(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L)
{
    public Task<Alliance?> FindAsync(Guid id, CancellationToken ct) => db.Alliances.FirstOrDefaultAsync(a => a.Id == id, ct);

    public async Task<ValidationResult> ValidateAsync(AllianceInput input, Guid? existingId, CancellationToken ct)
    {
        input.Compact();
        var result = await new AllianceValidator(L, tenant.DefaultLanguage, existingId is not null).ValidateAsync(input, ct);
        void Fail(string field, string message)
        {
            if (!result.Errors.Any(e => e.PropertyName == field)) result.Errors.Add(new ValidationFailure(field, message));
        }
        if (!await db.Counterparts.ContainsAllAsync(input.CoSignatoryIds, ct))
            Fail(nameof(AllianceInput.CoSignatoryIds), L["One of these counterparts does not exist."]);
        if (input.PromoterId is { } p && !await db.Counterparts.AnyAsync(c => c.Id == p && c.Kind == CounterpartKind.CityNetwork, ct))
            Fail(nameof(AllianceInput.PromoterId), L["Choose a city network registered as a counterpart."]);
        if (!await db.Actions.ContainsAllAsync(input.FollowUpActionIds, ct))
            Fail(nameof(AllianceInput.FollowUpActionIds), L["One of these actions does not exist."]);
        return result;
    }

    public async Task<Alliance> CreateAsync(AllianceInput input, CancellationToken ct)
    {
        var a = new Alliance();
        Apply(a, input);
        db.Alliances.Add(a);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>Saves over the version the user saw; throws DbUpdateConcurrencyException when it is stale.</summary>
    public async Task UpdateAsync(Alliance a, AllianceInput input, CancellationToken ct)
    {
        db.ExpectVersion(a, input.Version ?? a.Version);
        Apply(a, input);
        await db.SaveChangesAsync(ct);
    }

    public Task DeleteAsync(Alliance a, long? version, CancellationToken ct) => db.RemoveAsync(a, version, ct);

    public Task<Alliance?> ReloadAsync(Guid id, CancellationToken ct) => db.FreshAsync<Alliance>(id, ct);

    /// <summary>The follow-up actions that still exist, by code, with their status and dates.</summary>
    public async Task<IReadOnlyList<FollowUpAction>> FollowUpActionsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var set = ids.Distinct().ToList();
        if (set.Count == 0) return [];
        var lang = Languages.Current;
        var rows = await db.Actions.AsNoTracking().Where(a => set.Contains(a.Id)).OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Title, a.Status, a.Start, a.End }).ToListAsync(ct);
        return rows.Select(a => new FollowUpAction(a.Id, a.Code, a.Title.Get(lang, tenant.DefaultLanguage), a.Status, a.Start, a.End)).ToList();
    }

    public static FollowUp Summarize(IEnumerable<FollowUpAction> actions)
    {
        var list = actions.ToList();
        return new FollowUp(list.Count, list.Count(a => a.Status == ActionStatus.Done), list.Select(a => a.End ?? a.Start).Max());
    }

    public async Task<FollowUp> FollowUpAsync(Alliance a, CancellationToken ct) => Summarize(await FollowUpActionsAsync(a.FollowUpActionIds, ct));

    private static readonly SortMap<Alliance> Sorts = new SortMap<Alliance>("adheredOn")
        .Add("adheredOn", a => a.AdheredOn).Add("title", a => a.Title.Es ?? a.Title.En ?? a.Title.Fr);

    /// <summary>The alliances with their co-signatories and follow-up; search in titles and co-signatory names; newest adhesion first by default.</summary>
    public async Task<PagedList<AllianceRow>> ListAsync(AllianceListQuery query, CancellationToken ct)
    {
        var q = db.Alliances.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var s = query.Q.Trim().ToLowerInvariant();
            q = q.Where(a => (a.Title.Es ?? "").ToLower().Contains(s) || (a.Title.En ?? "").ToLower().Contains(s) || (a.Title.Fr ?? "").ToLower().Contains(s)
                             || a.OtherCoSignatories.Any(n => n.ToLower().Contains(s)));
        }
        var list = new ListQuery { Sort = query.Sort, Dir = query.Dir ?? (Sorts.Resolve(query.Sort) == "adheredOn" ? "desc" : null), Page = query.Page, PageSize = query.PageSize };
        var page = await q.ToPagedAsync(list, Sorts, a => new { a.Id, a.Title, a.AdheredOn, a.CoSignatoryIds, a.OtherCoSignatories, a.FollowUpActionIds, a.PromoterId }, ct);
        var actionIds = page.Items.SelectMany(a => a.FollowUpActionIds).Distinct().ToList();
        var actions = await db.Actions.AsNoTracking().Where(a => actionIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Status, a.Start, a.End }).ToDictionaryAsync(a => a.Id, ct);
        var counterpartIds = page.Items.SelectMany(a => a.CoSignatoryIds).Distinct().ToList();
        var existing = (await db.Counterparts.AsNoTracking().Where(c => counterpartIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var lang = Languages.Current;
        var rows = page.Items.Select(a =>
        {
            var follow = a.FollowUpActionIds.Where(actions.ContainsKey).Select(id => actions[id]).ToList();
            return new AllianceRow(a.Id, a.Title.Get(lang, tenant.DefaultLanguage), a.AdheredOn,
                a.CoSignatoryIds.Count(existing.Contains) + a.OtherCoSignatories.Count, a.PromoterId,
                new FollowUp(follow.Count, follow.Count(x => x.Status == ActionStatus.Done), follow.Select(x => x.End ?? x.Start).Max()));
        }).ToList();
        return new PagedList<AllianceRow>(rows, page.Total, page.Page, page.PageSize, page.Sort, page.Descending);
    }

    private static void Apply(Alliance a, AllianceInput input)
    {
        a.Title = input.Title.Trimmed();
        a.Declaration = input.Declaration.Trimmed();
        a.Url = input.Url;
        a.AdheredOn = input.AdheredOn;
        a.Commitments = input.Commitments.Trimmed();
        a.CoSignatoryIds = [.. input.CoSignatoryIds];
        a.OtherCoSignatories = [.. input.OtherCoSignatories];
        a.PromoterId = input.PromoterId;
        a.FollowUpActionIds = [.. input.FollowUpActionIds];
    }
}

/// <summary>What the alliances list asks for: search, sorting and paging.</summary>
public sealed class AllianceListQuery
{
    /// <summary>Searches titles and the other co-signatories' names.</summary>
    public string? Q { get; set; }
    /// <summary>adheredOn (default, newest first) or title.</summary>
    public string? Sort { get; set; }
    public string? Dir { get; set; }
    [FromQuery(Name = "page")] public int? Page { get; set; }
    public int? PageSize { get; set; }
}

public sealed record AllianceRow(Guid Id, string Title, DateOnly? AdheredOn, int CoSignatories, Guid? PromoterId, FollowUp FollowUp);
