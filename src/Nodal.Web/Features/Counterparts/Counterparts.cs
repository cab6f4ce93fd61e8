using FluentValidation;
using FluentValidation.Results;
using Nodal.Core.Relations;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Counterparts;

/// <summary>What a user sends to create or change a counterpart (form, API and spreadsheet import alike).</summary>
public sealed class CounterpartInput
{
    /// <summary>Unique in the organization; generated (CP-0001…) when empty on creation.</summary>
    public string? Code { get; set; }
    public CounterpartKind? Kind { get; set; }
    /// <summary>As the counterpart writes it; taken from the gazetteer or the network list when left empty.</summary>
    public string? Name { get; set; }
    public string? Acronym { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; set; }
    public string? Region { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public long? Population { get; set; }
    /// <summary>A gazetteer city: its country, coordinates and population replace those sent.</summary>
    public int? GazetteerId { get; set; }
    /// <summary>A reference city network: fills the name, acronym, country and website left empty.</summary>
    public string? NetworkCode { get; set; }
    public string? Website { get; set; }
    public LocalizedText Notes { get; set; } = new();
    /// <summary>Save even though another counterpart looks like the same one.</summary>
    public bool AllowDuplicate { get; set; }
    /// <summary>The version the user saw; required to change an existing counterpart.</summary>
    public long? Version { get; set; }

    public static CounterpartInput From(Counterpart c) => new()
    {
        Code = c.Code, Kind = c.Kind, Name = c.Name, Acronym = c.Acronym, Country = c.Country, Region = c.Region,
        Latitude = c.Latitude, Longitude = c.Longitude, Population = c.Population, GazetteerId = c.GazetteerId,
        NetworkCode = c.NetworkCode, Website = c.Website, Notes = new LocalizedText(c.Notes.Es, c.Notes.En, c.Notes.Fr), Version = c.Version,
    };

    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Trims the text, and takes what the gazetteer and the network list know.</summary>
    public void Complete()
    {
        Name = Clean(Name);
        Acronym = Clean(Acronym);
        Country = Clean(Country)?.ToUpperInvariant();
        Region = Clean(Region);
        NetworkCode = Clean(NetworkCode)?.ToLowerInvariant();
        Website = Clean(Website);
        if (GazetteerId is { } gid && Gazetteer.Find(gid) is { } city)
        {
            Name ??= city.Name;
            Country = city.Country.ToUpperInvariant();
            Latitude = city.Latitude;
            Longitude = city.Longitude;
            Population = city.Population;
        }
        if (NetworkCode is not null && CityNetworks.Find(NetworkCode) is { } network)
        {
            NetworkCode = network.Code;
            Name ??= Clean(network.Name.Get(Languages.Current, "en"));
            Acronym ??= Clean(network.Acronym);
            Country ??= Clean(network.HeadquartersCountry)?.ToUpperInvariant();
            Website ??= Clean(network.Website);
        }
    }
}

public sealed class CounterpartValidator : AbstractValidator<CounterpartInput>
{
    public CounterpartValidator(IStringLocalizer L, bool requireVersion)
    {
        RuleFor(x => x.Code).MaximumLength(20).WithMessage(L["Use at most {0} characters.", 20])
            .Matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$").When(x => !string.IsNullOrWhiteSpace(x.Code))
            .WithMessage(L["Use only letters, digits, dots, hyphens and underscores."]);
        RuleFor(x => x.Kind).NotNull().WithMessage(L["Choose what kind of counterpart it is."])
            .IsInEnum().WithMessage(L["Choose what kind of counterpart it is."]);
        RuleFor(x => x.Name).NotEmpty().WithMessage(L["Enter the counterpart's name, or pick it from the gazetteer or the list of networks."])
            .MaximumLength(300).WithMessage(L["Use at most {0} characters.", 300]);
        RuleFor(x => x.Acronym).MaximumLength(40).WithMessage(L["Use at most {0} characters.", 40]);
        RuleFor(x => x.Region).MaximumLength(200).WithMessage(L["Use at most {0} characters.", 200]);
        RuleFor(x => x.Country).Must(Nodal.Web.Features.Organizations.Countries.Exists).When(x => x.Country is not null)
            .WithMessage((_, c) => L["{0} is not an ISO 3166 country code.", c ?? ""]);
        RuleFor(x => x.Latitude).InclusiveBetween(-90, 90).WithMessage(L["Enter a latitude between -90 and 90."]);
        RuleFor(x => x.Longitude).InclusiveBetween(-180, 180).WithMessage(L["Enter a longitude between -180 and 180."]);
        RuleFor(x => x.Longitude).NotNull().When(x => x.Latitude is not null).WithMessage(L["Enter both coordinates, or neither."]);
        RuleFor(x => x.Latitude).NotNull().When(x => x.Longitude is not null).WithMessage(L["Enter both coordinates, or neither."]);
        RuleFor(x => x.Population).GreaterThanOrEqualTo(0).WithMessage(L["Enter a number of zero or more."]);
        RuleFor(x => x.GazetteerId).Must(id => Gazetteer.Find(id!.Value) is not null).When(x => x.GazetteerId is not null)
            .WithMessage(L["This place is not in the gazetteer."]);
        RuleFor(x => x.NetworkCode).Must(c => CityNetworks.Find(c!) is not null).When(x => x.NetworkCode is not null)
            .WithMessage(L["This network is not in the reference list."]);
        RuleFor(x => x.Website).MaximumLength(400).WithMessage(L["Use at most {0} characters.", 400])
            .Must(w => Uri.TryCreate(w, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp))
            .When(x => x.Website is not null).WithMessage(L["Enter a web address starting with https://"]);
        foreach (var lang in LocalizedText.Languages)
            RuleFor(x => x.Notes[lang]).MaximumLength(2000).OverridePropertyName($"Notes.{char.ToUpperInvariant(lang[0])}{lang[1..]}")
                .WithMessage(L["Use at most {0} characters.", 2000]);
        if (requireVersion)
            RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }
}

/// <summary>What a user sends to add or change a contact person.</summary>
public sealed class ContactInput
{
    public string? Name { get; set; }
    public string? Position { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Notes { get; set; }
    /// <summary>The version the user saw; required to change an existing contact.</summary>
    public long? Version { get; set; }

    public static ContactInput From(Contact c) => new() { Name = c.Name, Position = c.Position, Email = c.Email, Phone = c.Phone, Notes = c.Notes, Version = c.Version };
}

public sealed class ContactValidator : AbstractValidator<ContactInput>
{
    public ContactValidator(IStringLocalizer L, bool requireVersion)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(L["Enter the person's name."]).MaximumLength(200).WithMessage(L["Use at most {0} characters.", 200]);
        RuleFor(x => x.Position).MaximumLength(200).WithMessage(L["Use at most {0} characters.", 200]);
        RuleFor(x => x.Email).MaximumLength(256).WithMessage(L["Use at most {0} characters.", 256])
            .EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage(L["Enter an email address like name@example.org."]);
        RuleFor(x => x.Phone).MaximumLength(50).WithMessage(L["Use at most {0} characters.", 50]);
        RuleFor(x => x.Notes).MaximumLength(2000).WithMessage(L["Use at most {0} characters.", 2000]);
        if (requireVersion)
            RuleFor(x => x.Version).NotNull().WithMessage(L["The version you edited is missing; reload the page."]);
    }
}

public sealed record CounterpartDto(
    Guid Id, string Code, CounterpartKind Kind, string Name, string? Acronym, string? Country, string? Region,
    double? Latitude, double? Longitude, long? Population, int? GazetteerId, string? NetworkCode, string? Website,
    LocalizedText Notes, bool PossibleDuplicate, long Version)
{
    public static CounterpartDto From(Counterpart c, bool possibleDuplicate) => new(c.Id, c.Code, c.Kind, c.Name, c.Acronym, c.Country, c.Region,
        c.Latitude, c.Longitude, c.Population, c.GazetteerId, c.NetworkCode, c.Website, c.Notes, possibleDuplicate, c.Version);
}

public sealed record ContactDto(Guid Id, Guid CounterpartId, string Name, string? Position, string? Email, string? Phone, string? Notes, long Version)
{
    public static ContactDto From(Contact c) => new(c.Id, c.CounterpartId, c.Name, c.Position, c.Email, c.Phone, c.Notes, c.Version);
}

/// <summary>Another counterpart that looks like the same one, and why.</summary>
public sealed record DuplicateRef(Guid Id, string Code, string Name, string? Country, string Reason);

/// <summary>The records of the registry that name a counterpart.</summary>
public sealed record CounterpartRelated(
    IReadOnlyList<RelationRef> Agreements, IReadOnlyList<RelationRef> Memberships, IReadOnlyList<RelationRef> Projects,
    IReadOnlyList<RelationRef> Missions, IReadOnlyList<RelationRef> Actions);

/// <summary>The fields that tell counterparts apart: what the duplicate check compares.</summary>
public sealed record CounterpartIdentity(Guid Id, string Code, string Name, string? Country, int? GazetteerId, string? NetworkCode)
{
    public string NameKey => Gazetteer.Normalize(Name);
}

/// <summary>
/// The counterparts feature's validation and writes, shared by its pages, its API and the spreadsheet import.
/// Every write stays inside the request's transaction.
/// </summary>
public sealed class CounterpartService(NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L)
{
    public const string CodePrefix = "CP-";

    /// <summary>Field rules, then a unique code. Completes the input from the gazetteer and the network list first.</summary>
    public async Task<ValidationResult> ValidateAsync(CounterpartInput input, Guid? existingId, CancellationToken ct, ISet<string>? reservedCodes = null)
    {
        input.Complete();
        var result = await new CounterpartValidator(L, existingId is not null).ValidateAsync(input, ct);
        var code = CounterpartInput.NormalizeCode(input.Code);
        if (code.Length > 0 && !result.Errors.Any(e => e.PropertyName == nameof(CounterpartInput.Code)))
        {
            var clash = await db.Counterparts.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).AsNoTracking()
                .Where(c => c.Code == code && c.Id != existingId).Select(c => new { c.DeletedAt }).FirstOrDefaultAsync(ct);
            if (clash is not null)
                result.Errors.Add(new ValidationFailure(nameof(CounterpartInput.Code), clash.DeletedAt is null
                    ? L["Another counterpart already uses this code."]
                    : L["A counterpart in the Trash uses this code; restore it or choose another code."]));
            else if (reservedCodes is not null && reservedCodes.Contains(code))
                result.Errors.Add(new ValidationFailure(nameof(CounterpartInput.Code), L["Another counterpart already uses this code."]));
        }
        return result;
    }

    /// <summary>Why <paramref name="a"/> looks like <paramref name="b"/>, or null: same place, same network, or same name in the same country.</summary>
    public string? Resemblance(CounterpartIdentity a, CounterpartIdentity b)
    {
        if (a.Id == b.Id) return null;
        if (a.GazetteerId is { } g && g == b.GazetteerId) return L["the same place in the gazetteer"];
        if (a.NetworkCode is { Length: > 0 } n && string.Equals(n, b.NetworkCode, StringComparison.OrdinalIgnoreCase)) return L["the same city network"];
        if (a.Country is not null && string.Equals(a.Country, b.Country, StringComparison.OrdinalIgnoreCase) && a.NameKey.Length > 0 && a.NameKey == b.NameKey)
            return L["the same name in the same country"];
        return null;
    }

    /// <summary>The counterparts that look like the one described by the input (completed and valid).</summary>
    public async Task<IReadOnlyList<DuplicateRef>> DuplicatesAsync(CounterpartInput input, Guid? existingId, CancellationToken ct)
    {
        var me = new CounterpartIdentity(existingId ?? Guid.Empty, "", input.Name ?? "", input.Country, input.GazetteerId, input.NetworkCode);
        var (g, n, country) = (input.GazetteerId, input.NetworkCode, input.Country);
        var candidates = await db.Counterparts.AsNoTracking()
            .Where(c => c.Id != existingId && ((g != null && c.GazetteerId == g) || (n != null && c.NetworkCode == n) || (country != null && c.Country == country)))
            .Select(c => new CounterpartIdentity(c.Id, c.Code, c.Name, c.Country, c.GazetteerId, c.NetworkCode)).ToListAsync(ct);
        return candidates.Select(c => (c, Reason: Resemblance(me, c))).Where(x => x.Reason is not null)
            .OrderBy(x => x.c.Code).Select(x => new DuplicateRef(x.c.Id, x.c.Code, x.c.Name, x.c.Country, x.Reason!)).ToList();
    }

    /// <summary>Whether a change touches what tells counterparts apart (an unchanged one is not checked again).</summary>
    public static bool IdentityChanged(Counterpart c, CounterpartInput input) =>
        c.GazetteerId != input.GazetteerId || !string.Equals(c.NetworkCode, input.NetworkCode, StringComparison.OrdinalIgnoreCase)
        || !string.Equals(c.Country, input.Country, StringComparison.OrdinalIgnoreCase) || Gazetteer.Normalize(c.Name) != Gazetteer.Normalize(input.Name ?? "");

    /// <summary>The ids of the organization's counterparts that look like another one.</summary>
    public async Task<HashSet<Guid>> PossibleDuplicateIdsAsync(CancellationToken ct)
    {
        var all = await db.Counterparts.AsNoTracking()
            .Select(c => new CounterpartIdentity(c.Id, c.Code, c.Name, c.Country, c.GazetteerId, c.NetworkCode)).ToListAsync(ct);
        var ids = new HashSet<Guid>();
        void Mark<TKey>(IEnumerable<IGrouping<TKey, CounterpartIdentity>> groups)
        {
            foreach (var group in groups.Where(x => x.Count() > 1))
                foreach (var c in group) ids.Add(c.Id);
        }
        Mark(all.Where(c => c.GazetteerId is not null).GroupBy(c => c.GazetteerId));
        Mark(all.Where(c => c.NetworkCode is { Length: > 0 }).GroupBy(c => c.NetworkCode!.ToLowerInvariant()));
        Mark(all.Where(c => c.Country is not null && c.NameKey.Length > 0).GroupBy(c => (c.Country!.ToUpperInvariant(), c.NameKey)));
        return ids;
    }

    public Task<Counterpart?> FindAsync(Guid id, CancellationToken ct) => db.Counterparts.FirstOrDefaultAsync(c => c.Id == id, ct);

    public Task<Counterpart?> FindByCodeAsync(string code, CancellationToken ct)
    {
        var c = CounterpartInput.NormalizeCode(code);
        return db.Counterparts.FirstOrDefaultAsync(x => x.Code == c, ct);
    }

    public async Task<CounterpartDto> ToDtoAsync(Counterpart c, CancellationToken ct)
    {
        var duplicates = await DuplicatesAsync(CounterpartInput.From(c), c.Id, ct);
        return CounterpartDto.From(c, duplicates.Count > 0);
    }

    /// <summary>The next free code CP-0001… (counting the Trash, whose codes stay reserved, and codes taken in this request).</summary>
    public async Task<string> NextCodeAsync(CancellationToken ct, IEnumerable<string>? alsoTaken = null)
    {
        var codes = await db.Counterparts.IgnoreQueryFilters([NodalDbContext.SoftDeleteFilter]).Where(c => c.Code.StartsWith(CodePrefix)).Select(c => c.Code).ToListAsync(ct);
        return RelationLookups.NextCode(CodePrefix, codes.Concat(alsoTaken ?? []));
    }

    /// <summary>Adds the counterpart (not saved: the caller saves, so an import saves all rows at once).</summary>
    public async Task<Counterpart> AddAsync(CounterpartInput input, CancellationToken ct, IEnumerable<string>? alsoTaken = null)
    {
        var c = new Counterpart { Code = CounterpartInput.NormalizeCode(input.Code) };
        if (c.Code.Length == 0) c.Code = await NextCodeAsync(ct, alsoTaken);
        Apply(c, input);
        db.Counterparts.Add(c);
        return c;
    }

    public async Task<Counterpart> CreateAsync(CounterpartInput input, CancellationToken ct)
    {
        var c = await AddAsync(input, ct);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>Applies the input over the version the user saw (not saved).</summary>
    public void Change(Counterpart c, CounterpartInput input)
    {
        db.ExpectVersion(c, input.Version ?? c.Version);
        if (!string.IsNullOrWhiteSpace(input.Code)) c.Code = CounterpartInput.NormalizeCode(input.Code);
        Apply(c, input);
    }

    /// <summary>Saves over the version the user saw; throws DbUpdateConcurrencyException when it is stale.</summary>
    public async Task UpdateAsync(Counterpart c, CounterpartInput input, CancellationToken ct)
    {
        Change(c, input);
        await db.SaveChangesAsync(ct);
    }

    // Contacts stay with the counterpart: hidden while it is in the Trash, back when it is restored.
    public Task DeleteAsync(Counterpart c, long? version, CancellationToken ct) => db.RemoveAsync(c, version, ct);

    /// <summary>The counterpart as saved now, after a save lost a race.</summary>
    public Task<Counterpart?> ReloadAsync(Guid id, CancellationToken ct) => db.FreshAsync<Counterpart>(id, ct);

    public static void Apply(Counterpart c, CounterpartInput input)
    {
        c.Kind = input.Kind!.Value;
        c.Name = input.Name!.Trim();
        c.Acronym = CounterpartInput.Clean(input.Acronym);
        c.Country = CounterpartInput.Clean(input.Country)?.ToUpperInvariant();
        c.Region = CounterpartInput.Clean(input.Region);
        c.Latitude = input.Latitude;
        c.Longitude = input.Longitude;
        c.Population = input.Population;
        c.GazetteerId = input.GazetteerId;
        c.NetworkCode = CounterpartInput.Clean(input.NetworkCode);
        c.Website = CounterpartInput.Clean(input.Website);
        c.Notes = input.Notes.Trimmed();
    }

    /// <summary>The records of the registry that name the counterpart, each with a link.</summary>
    public async Task<CounterpartRelated> RelatedAsync(Guid id, CancellationToken ct)
    {
        var org = tenant.OrganizationSlug ?? "";
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.PartyIds.Contains(id)).OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        var memberships = await db.NetworkMemberships.AsNoTracking().Where(m => m.NetworkId == id).OrderBy(m => m.Since)
            .Select(m => new { m.Id, m.Since, m.Until }).ToListAsync(ct);
        var partnerProjects = db.ProjectPartners.Where(p => p.CounterpartId == id).Select(p => p.ProjectId);
        var projects = await db.Projects.AsNoTracking().Where(p => partnerProjects.Contains(p.Id)).OrderBy(p => p.Code)
            .Select(p => new { p.Id, p.Code, p.Title }).ToListAsync(ct);
        var missions = await db.Missions.AsNoTracking().Where(m => m.CounterpartIds.Contains(id)).OrderByDescending(m => m.Start)
            .Select(m => new { m.Id, m.Title, m.Start }).ToListAsync(ct);
        var actions = await db.Actions.AsNoTracking().Where(a => a.CounterpartIds.Contains(id)).OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        string Period(DateOnly? since, DateOnly? until) => since is null ? L["Membership"]
            : until is null ? L["Member since {0}", since.Value.Year] : L["Member {0}–{1}", since.Value.Year, until.Value.Year];
        return new CounterpartRelated(
            agreements.Select(a => new RelationRef(a.Id, $"{a.Code} — {a.Title.Get(lang, fallback)}", $"/{org}/agreements/{a.Id}")).ToList(),
            memberships.Select(m => new RelationRef(m.Id, Period(m.Since, m.Until), $"/{org}/memberships/{m.Id}")).ToList(),
            projects.Select(p => new RelationRef(p.Id, $"{p.Code} — {p.Title.Get(lang, fallback)}", $"/{org}/projects/{p.Id}")).ToList(),
            missions.Select(m => new RelationRef(m.Id, $"{m.Title.Get(lang, fallback)} ({m.Start:yyyy-MM-dd})", $"/{org}/missions/{m.Id}")).ToList(),
            actions.Select(a => new RelationRef(a.Id, $"{a.Code} — {a.Title.Get(lang, fallback)}", $"/{org}/actions/{a.Id}")).ToList());
    }

    // ------------------------------------------------------------------ contacts

    public Task<List<Contact>> ContactsAsync(Guid counterpartId, CancellationToken ct) =>
        db.Contacts.Where(c => c.CounterpartId == counterpartId).OrderBy(c => c.Name).ToListAsync(ct);

    public Task<Contact?> FindContactAsync(Guid counterpartId, Guid contactId, CancellationToken ct) =>
        db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId && c.CounterpartId == counterpartId, ct);

    public Task<ValidationResult> ValidateContactAsync(ContactInput input, bool existing, CancellationToken ct) =>
        new ContactValidator(L, existing).ValidateAsync(input, ct);

    public async Task<Contact> AddContactAsync(Guid counterpartId, ContactInput input, CancellationToken ct)
    {
        var c = new Contact { CounterpartId = counterpartId };
        ApplyContact(c, input);
        db.Contacts.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task UpdateContactAsync(Contact c, ContactInput input, CancellationToken ct)
    {
        db.ExpectVersion(c, input.Version ?? c.Version);
        ApplyContact(c, input);
        await db.SaveChangesAsync(ct);
    }

    public Task DeleteContactAsync(Contact c, long? version, CancellationToken ct) => db.RemoveAsync(c, version, ct);

    public Task<Contact?> ReloadContactAsync(Guid id, CancellationToken ct) => db.FreshAsync<Contact>(id, ct);

    private static void ApplyContact(Contact c, ContactInput input)
    {
        c.Name = input.Name!.Trim();
        c.Position = CounterpartInput.Clean(input.Position);
        c.Email = CounterpartInput.Clean(input.Email);
        c.Phone = CounterpartInput.Clean(input.Phone);
        c.Notes = CounterpartInput.Clean(input.Notes);
    }
}
