using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using FluentValidation.Results;
using Nodal.Core.Relations;
using Nodal.Web.Features.Relations;

namespace Nodal.Web.Features.Projects.Iati;

/// <summary>An activity's problem: its identifier (or its position in the file) and what is wrong, in the user's language.</summary>
public sealed record IatiImportError(string Activity, string Message);

/// <summary>What an import did, or why nothing was written.</summary>
public sealed class IatiImportReport
{
    public int Added { get; set; }
    public int Updated { get; set; }
    /// <summary>Set when the file as a whole was refused (not XML, a DTD, a 1.x version, too large…).</summary>
    public string? Refusal { get; set; }
    public List<IatiImportError> Errors { get; } = [];
    /// <summary>True when more errors were found than listed.</summary>
    public bool MoreErrors { get; set; }
    public bool Succeeded => Refusal is null && Errors.Count == 0;
}

/// <summary>
/// Imports an IATI 2.0x <c>iati-activities</c> file into the organization's projects, reading one activity at a time
/// (memory stays flat whatever the file's size): written every 500 activities, or sooner when they hold much text. All or nothing: projects are written in batches inside the request's
/// transaction, and the caller answers with an error — which rolls the transaction back — as soon as the report has any.
/// An activity matches a project by its stored IATI identifier, or by the organisation identifier followed by a
/// project's code (our own export); a match is updated, anything else is created with a new code.
/// </summary>
public sealed class IatiImporter(NodalDbContext db, TenantContext tenant, ProjectService projects, IStringLocalizer<SharedResource> L)
{
    /// <summary>The largest file accepted.</summary>
    public const long MaxBytes = 250L * 1024 * 1024;
    public const int BatchSize = 500;
    /// <summary>A batch is also written once its activities hold this much text, so memory stays bounded whatever their size.</summary>
    public const int MaxPendingChars = 500_000;
    private const int MaxErrors = 200;
    private static readonly XNamespace Xml = XNamespace.Xml;

    public static XmlReaderSettings ReaderSettings() => new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    public async Task<IatiImportReport> ImportAsync(Stream input, CancellationToken ct)
    {
        var report = new IatiImportReport();
        var org = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == tenant.OrganizationId, ct);
        var state = await StateAsync(org, ct);
        try
        {
            using var reader = XmlReader.Create(input, ReaderSettings());
            await reader.MoveToContentAsync();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "iati-activities" || reader.NamespaceURI.Length != 0)
                return Refuse(report, L["This is not an IATI activities file: its root element is <{0}>, not <iati-activities>.", reader.LocalName]);
            var version = reader.GetAttribute("version")?.Trim();
            if (version is not null && version.StartsWith('1'))
                return Refuse(report, L["IATI 1.x files are not supported; convert to 2.03."]);
            if (version is not null && !version.StartsWith("2.0", StringComparison.Ordinal))
                return Refuse(report, L["This file declares IATI version {0}; Nodal reads versions 2.01 to 2.03.", version]);
            if (!reader.IsEmptyElement)
            {
                await reader.ReadAsync();
                while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "iati-activity")
                    {
                        var activity = (XElement)await XNode.ReadFromAsync(reader, ct);
                        state.Position++;
                        await ProcessAsync(activity, org, state, report, ct);
                    }
                    else if (reader.NodeType == XmlNodeType.Element)
                    {
                        await reader.SkipAsync();
                    }
                    else
                    {
                        await reader.ReadAsync();
                    }
                }
            }
            // Read to the end: a file cut after the last activity is refused too.
            while (await reader.ReadAsync()) { }
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(report, L["The file declares a DTD or entities, which are refused for safety: nothing was imported."]);
        }
        catch (XmlException e)
        {
            return Refuse(report, L["The file is not well-formed XML (line {0}, position {1}): nothing was imported.", e.LineNumber, e.LinePosition]);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(report, TooLarge(L));
        }
        if (!report.Succeeded)
        {
            db.ChangeTracker.Clear();
            return report;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return report;
    }

    public static string TooLarge(IStringLocalizer L) => L["The file is larger than {0} MB: nothing was imported.", MaxBytes / (1024 * 1024)];

    private IatiImportReport Refuse(IatiImportReport report, string message)
    {
        db.ChangeTracker.Clear();
        report.Refusal = message;
        return report;
    }

    /// <summary>What the import keeps while it reads: the existing projects' identifiers, the codes given, where it is.</summary>
    private sealed class State
    {
        public required string? OurPrefix { get; init; }
        public required Dictionary<string, Guid> ByIatiId { get; init; }
        public required Dictionary<string, Guid> ByCode { get; init; }
        public required HashSet<string> Seen { get; init; }
        public required int NextNumber { get; set; }
        public int Position { get; set; }
        public int Pending { get; set; }
        public long PendingChars { get; set; }
        public required ProjectValidator Validator { get; init; }
        public required PartnerValidator Partners { get; init; }
        public required TransactionValidator Transactions { get; init; }
    }

    private async Task<State> StateAsync(Organization org, CancellationToken ct)
    {
        var existing = await db.Projects.AsNoTracking().Select(p => new { p.Id, p.Code, p.IatiIdentifier }).ToListAsync(ct);
        var next = RelationLookups.NextCode(ProjectService.CodePrefix, await projects.CodesAsync(ct));
        return new State
        {
            OurPrefix = string.IsNullOrWhiteSpace(org.IatiOrganisationId) ? null : org.IatiOrganisationId.Trim() + "-",
            ByIatiId = existing.Where(p => p.IatiIdentifier is not null).GroupBy(p => p.IatiIdentifier!).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal),
            ByCode = existing.ToDictionary(p => p.Code, p => p.Id, StringComparer.OrdinalIgnoreCase),
            Seen = new HashSet<string>(StringComparer.Ordinal),
            NextNumber = int.Parse(next.AsSpan(ProjectService.CodePrefix.Length), CultureInfo.InvariantCulture),
            Validator = new ProjectValidator(L, tenant.DefaultLanguage, requireVersion: false, anyTitleLanguage: true),
            Partners = new PartnerValidator(L, requireVersion: false),
            Transactions = new TransactionValidator(L, requireVersion: false),
        };
    }

    private void AddError(IatiImportReport report, string activity, string message)
    {
        if (report.Errors.Count >= MaxErrors) { report.MoreErrors = true; return; }
        report.Errors.Add(new IatiImportError(activity, message));
    }

    private async Task ProcessAsync(XElement a, Organization org, State state, IatiImportReport report, CancellationToken ct)
    {
        var identifier = a.Element("iati-identifier")?.Value.Trim();
        var label = string.IsNullOrEmpty(identifier) ? L["Activity {0} of the file", state.Position].Value : identifier;
        var errors = new List<string>();
        if (string.IsNullOrEmpty(identifier)) errors.Add(L["The activity has no iati-identifier."]);
        else if (!state.Seen.Add(identifier)) errors.Add(L["This identifier appears more than once in the file."]);

        var parsed = Parse(a, org, errors);
        // Match: a stored identifier, else our own identifier (organisation identifier + code).
        Guid? match = null;
        if (!string.IsNullOrEmpty(identifier))
        {
            if (state.ByIatiId.TryGetValue(identifier, out var byIati)) match = byIati;
            else if (state.OurPrefix is { } prefix && identifier.StartsWith(prefix, StringComparison.Ordinal)
                     && state.ByCode.TryGetValue(identifier[prefix.Length..], out var byCode)) match = byCode;
        }
        CooperationProject? existing = null;
        if (match is { } id && report.Succeeded && errors.Count == 0)
            existing = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct);

        var input = parsed.Input;
        if (existing is not null)
        {
            // What IATI does not carry stays as it was.
            input.Kind = existing.Kind;
            input.OurRole = parsed.OurRole ?? existing.OurRole;
            input.Support = [.. existing.Support];
            input.AgreementIds = [.. existing.AgreementIds];
            input.LeadDepartmentId = existing.LeadDepartmentId;
            input.BeneficiaryCount = existing.BeneficiaryCount;
            if (parsed.Collaboration is "8") input.Kind = CooperationKind.Triangular;
        }
        input.Compact();
        Collect(errors, state.Validator.Validate(input));
        foreach (var partner in parsed.Partners) Collect(errors, state.Partners.Validate(partner));
        foreach (var transaction in parsed.Transactions) Collect(errors, state.Transactions.Validate(transaction));

        foreach (var message in errors.Distinct()) AddError(report, label, message);
        if (errors.Count > 0 || !report.Succeeded) return;

        if (existing is null)
        {
            var p = new CooperationProject { Code = $"{ProjectService.CodePrefix}{state.NextNumber++:0000}", IatiIdentifier = identifier };
            projects.Apply(p, input);
            db.Projects.Add(p);
            foreach (var x in parsed.Partners) db.ProjectPartners.Add(NewPartner(p.Id, x));
            foreach (var t in parsed.Transactions) db.ProjectTransactions.Add(NewTransaction(p, t));
            state.ByIatiId[identifier!] = p.Id;
            state.ByCode[p.Code] = p.Id;
            report.Added++;
        }
        else
        {
            projects.Apply(existing, input);
            await SyncPartnersAsync(existing, parsed.Partners, ct);
            await SyncTransactionsAsync(existing, parsed.Transactions, ct);
            report.Updated++;
        }
        state.PendingChars += a.Value.Length;
        if (++state.Pending >= BatchSize || state.PendingChars >= MaxPendingChars)
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            state.Pending = 0;
            state.PendingChars = 0;
        }
    }

    private static void Collect(List<string> errors, ValidationResult result) => errors.AddRange(result.Errors.Select(e => e.ErrorMessage));

    private sealed record Parsed(ProjectInput Input, List<PartnerInput> Partners, List<TransactionInput> Transactions, ProjectRole? OurRole, string? Collaboration);

    /// <summary>The activity as the project's input; format problems (bad dates, numbers, codes) are added to <paramref name="errors"/>.</summary>
    private Parsed Parse(XElement a, Organization org, List<string> errors)
    {
        var lang = a.Attribute(Xml + "lang")?.Value is { } l && LocalizedText.Languages.Contains(l.Trim().ToLowerInvariant())
            ? l.Trim().ToLowerInvariant()
            : org.DefaultLanguage;
        var currency = a.Attribute("default-currency")?.Value.Trim().ToUpperInvariant();
        var ourRef = org.IatiOrganisationId?.Trim();

        var input = new ProjectInput
        {
            Title = Narratives(a.Element("title"), lang),
            Kind = CooperationKind.Decentralized,
            OurRole = ProjectRole.Partner,
            Currency = currency ?? org.Currency,
        };
        foreach (var d in a.Elements("description"))
        {
            var type = d.Attribute("type")?.Value.Trim();
            var text = Narratives(d, lang);
            switch (type)
            {
                case null or "" or "1": if (input.Description.IsEmpty) input.Description = text; break;
                case "3": if (input.Beneficiaries.IsEmpty) input.Beneficiaries = text; break;
                case "4": if (input.Results.IsEmpty) input.Results = text; break;
            }
        }

        var status = a.Element("activity-status")?.Attribute("code")?.Value.Trim();
        if (int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && Enum.IsDefined((ProjectStatus)s))
            input.Status = (ProjectStatus)s;
        else
            errors.Add(status is null ? L["The activity has no activity-status."] : L["{0} is not an IATI activity status (1 to 6).", status]);

        foreach (var d in a.Elements("activity-date"))
        {
            var raw = d.Attribute("iso-date")?.Value;
            if (!TryDate(raw, out var date))
            {
                errors.Add(L["{0} is not a date (yyyy-mm-dd).", raw ?? ""]);
                continue;
            }
            switch (d.Attribute("type")?.Value.Trim())
            {
                case "1": input.PlannedStart = date; break;
                case "2": input.ActualStart = date; break;
                case "3": input.PlannedEnd = date; break;
                case "4": input.ActualEnd = date; break;
            }
        }

        input.Countries = a.Elements("recipient-country").Select(c => c.Attribute("code")?.Value ?? "").ToList();
        input.Regions = a.Elements("recipient-region")
            .Where(r => r.Attribute("vocabulary")?.Value.Trim() == "2")
            .Select(r => r.Attribute("code")?.Value ?? "").ToList();
        input.Sectors = a.Elements("sector")
            .Where(x => (x.Attribute("vocabulary")?.Value.Trim() ?? "1") is "1" or "")
            .Select(x => x.Attribute("code")?.Value ?? "").ToList();
        var collaboration = a.Element("collaboration-type")?.Attribute("code")?.Value.Trim();
        if (collaboration == "8") input.Kind = CooperationKind.Triangular;

        // Budgets add up when they are all in one currency.
        var budgets = new List<(decimal Amount, string Currency)>();
        foreach (var b in a.Elements("budget"))
        {
            var v = b.Element("value");
            if (v is null) continue;
            if (!TryAmount(v.Value, out var amount)) { errors.Add(L["{0} is not an amount.", v.Value.Trim()]); continue; }
            budgets.Add((amount, (v.Attribute("currency")?.Value ?? currency ?? org.Currency).Trim().ToUpperInvariant()));
        }
        if (budgets.Count > 0 && budgets.Select(b => b.Currency).Distinct().Count() == 1)
        {
            input.Budget = budgets.Sum(b => b.Amount);
            input.Currency = budgets[0].Currency;
        }

        ProjectRole? ourRole = null;
        var partners = new List<PartnerInput>();
        foreach (var o in a.Elements("participating-org"))
        {
            var reference = o.Attribute("ref")?.Value.Trim();
            var roleText = o.Attribute("role")?.Value.Trim();
            int.TryParse(roleText, NumberStyles.None, CultureInfo.InvariantCulture, out var role);
            if (ourRef is not null && reference == ourRef)
            {
                ourRole = role switch { 1 => ProjectRole.Funder, 4 => ProjectRole.Implementer, _ => ProjectRole.Partner };
                continue;
            }
            var name = Narratives(o, lang).Get(lang);
            if (string.IsNullOrWhiteSpace(name)) name = reference;
            if (string.IsNullOrWhiteSpace(name)) continue;
            var typeText = o.Attribute("type")?.Value.Trim();
            partners.Add(new PartnerInput
            {
                Name = name.Length > 300 ? name[..300] : name,
                Role = role is >= 1 and <= 4 ? (PartnerRole)role : null,
                IatiRef = string.IsNullOrEmpty(reference) ? null : reference,
                IatiType = int.TryParse(typeText, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null,
            });
            if (role is < 1 or > 4) errors.Add(L["{0} is not an IATI organisation role (1 to 4).", roleText ?? ""]);
        }
        if (ourRole is { } r) input.OurRole = r;

        var transactions = new List<TransactionInput>();
        foreach (var t in a.Elements("transaction"))
        {
            var typeText = t.Element("transaction-type")?.Attribute("code")?.Value.Trim();
            // Only the kinds of money a cooperation project moves; loans, equity and guarantees are left out.
            if (!int.TryParse(typeText, NumberStyles.None, CultureInfo.InvariantCulture, out var type) || !Enum.IsDefined((TransactionKind)type)) continue;
            var value = t.Element("value");
            var rawDate = t.Element("transaction-date")?.Attribute("iso-date")?.Value ?? value?.Attribute("value-date")?.Value;
            DateOnly? on = TryDate(rawDate, out var date) ? date : null;
            if (on is null) errors.Add(L["{0} is not a date (yyyy-mm-dd).", rawDate ?? ""]);
            decimal? amount = null;
            if (value is not null && TryAmount(value.Value, out var v)) amount = v;
            else errors.Add(L["{0} is not an amount.", value?.Value.Trim() ?? ""]);
            transactions.Add(new TransactionInput
            {
                Kind = (TransactionKind)type,
                On = on,
                Amount = amount,
                Currency = (value?.Attribute("currency")?.Value ?? currency ?? input.Currency)?.Trim().ToUpperInvariant(),
                Description = Truncate(Narratives(t.Element("description"), lang).Get(lang), 1000),
                ProviderName = Truncate(OrgName(t.Element("provider-org"), lang), 300),
                ReceiverName = Truncate(OrgName(t.Element("receiver-org"), lang), 300),
            });
        }
        return new Parsed(input, partners, transactions, ourRole, collaboration);
    }

    private static string? Truncate(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Length <= max ? s : s[..max];

    private static string? OrgName(XElement? o, string lang)
    {
        if (o is null) return null;
        var name = Narratives(o, lang).Get(lang);
        return string.IsNullOrWhiteSpace(name) ? o.Attribute("ref")?.Value.Trim() : name;
    }

    /// <summary>The narratives of an element by xml:lang (es, en, fr; others ignored); one without xml:lang is in <paramref name="defaultLanguage"/>.</summary>
    private static LocalizedText Narratives(XElement? e, string defaultLanguage)
    {
        var text = new LocalizedText();
        if (e is null) return text;
        foreach (var n in e.Elements("narrative"))
        {
            var lang = n.Attribute(Xml + "lang")?.Value.Trim().ToLowerInvariant() ?? defaultLanguage;
            if (lang.Length > 2 && lang[2] == '-') lang = lang[..2];
            if (!LocalizedText.Languages.Contains(lang) || !string.IsNullOrWhiteSpace(text[lang])) continue;
            var value = string.Join(' ', n.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (value.Length > 0) text[lang] = value;
        }
        return text;
    }

    private static bool TryDate(string? raw, out DateOnly date)
    {
        date = default;
        if (raw is null) return false;
        raw = raw.Trim();
        // xsd:date may carry a time zone (2014-01-01Z, 2014-01-01+02:00): the day is what counts.
        if (raw.Length > 10) raw = raw[..10];
        return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static bool TryAmount(string raw, out decimal amount) =>
        decimal.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out amount);

    private static ProjectPartner NewPartner(Guid projectId, PartnerInput x) => new()
    {
        ProjectId = projectId, Name = x.Name!.Trim(), Role = x.Role!.Value, IatiRef = x.IatiRef, IatiType = x.IatiType,
    };

    private static ProjectTransaction NewTransaction(CooperationProject p, TransactionInput input)
    {
        var t = new ProjectTransaction { ProjectId = p.Id };
        ProjectService.Apply(t, input, p.Currency);
        return t;
    }

    /// <summary>Partners match by name and role (kept, their reference and type updated); the others go to the Trash or are added.</summary>
    private async Task SyncPartnersAsync(CooperationProject p, List<PartnerInput> incoming, CancellationToken ct)
    {
        var current = await db.ProjectPartners.Where(x => x.ProjectId == p.Id).ToListAsync(ct);
        var kept = new HashSet<Guid>();
        foreach (var x in incoming)
        {
            var name = x.Name!.Trim();
            var found = current.FirstOrDefault(c => !kept.Contains(c.Id) && c.Role == x.Role && string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                db.ProjectPartners.Add(NewPartner(p.Id, x));
                continue;
            }
            kept.Add(found.Id);
            found.IatiRef = x.IatiRef ?? found.IatiRef;
            found.IatiType = x.IatiType ?? found.IatiType;
        }
        db.ProjectPartners.RemoveRange(current.Where(c => !kept.Contains(c.Id)));
    }

    /// <summary>Transactions match by kind, date, amount and currency; the others go to the Trash or are added.</summary>
    private async Task SyncTransactionsAsync(CooperationProject p, List<TransactionInput> incoming, CancellationToken ct)
    {
        var current = await db.ProjectTransactions.Where(x => x.ProjectId == p.Id).ToListAsync(ct);
        var kept = new HashSet<Guid>();
        foreach (var input in incoming)
        {
            var t = NewTransaction(p, input);
            var found = current.FirstOrDefault(c => !kept.Contains(c.Id) && c.Kind == t.Kind && c.On == t.On && c.Amount == t.Amount && c.Currency == t.Currency);
            if (found is null)
            {
                db.ProjectTransactions.Add(t);
                continue;
            }
            kept.Add(found.Id);
            found.Description = t.Description;
            found.ProviderName = t.ProviderName;
            found.ReceiverName = t.ReceiverName;
        }
        db.ProjectTransactions.RemoveRange(current.Where(c => !kept.Contains(c.Id)));
    }
}
