using System.Globalization;
using System.Xml;
using Nodal.Core.Relations;

namespace Nodal.Web.Features.Projects.Iati;

/// <summary>The IATI 2.03 codes Nodal writes for its enumerations (each checked against the codelists by the tests).</summary>
public static class IatiMap
{
    public const string Version = "2.03";
    /// <summary>OrganisationType 11: local government (every organization using Nodal is one).</summary>
    public const string LocalGovernment = "11";

    /// <summary>OrganisationRole of the organization itself. There is no "beneficiary" role in IATI: a beneficiary
    /// government of decentralized cooperation implements, so partner and beneficiary both report as implementing.</summary>
    public static int OwnRole(ProjectRole role) => role switch
    {
        ProjectRole.Funder => (int)PartnerRole.Funding,
        _ => (int)PartnerRole.Implementing,
    };

    /// <summary>CollaborationType: 1 bilateral (direct and South-South cooperation between two governments), 8 bilateral triangular co-operation.</summary>
    public static string CollaborationType(CooperationKind kind) => kind == CooperationKind.Triangular ? "8" : "1";

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Amount(decimal d) => d.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>Equal shares of 100 with two decimals, the last one taking the rounding so they add up to exactly 100.</summary>
    public static IReadOnlyList<decimal> Shares(int count)
    {
        if (count <= 0) return [];
        var each = Math.Floor(10000m / count) / 100m;
        var shares = Enumerable.Repeat(each, count).ToList();
        shares[^1] = 100m - each * (count - 1);
        return shares;
    }

    public static string Percent(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>
/// Writes the organization's projects as an IATI 2.03 <c>iati-activities</c> document, one <c>iati-activity</c>
/// per project, streamed: projects are read 200 at a time with their partners and transactions.
/// </summary>
public sealed class IatiExporter(NodalDbContext db, TenantContext tenant, TimeProvider clock)
{
    private const int Batch = 200;

    /// <summary>The organization's IATI organisation identifier, or null when it is not set (the export cannot run).</summary>
    public Task<string?> OrganisationIdAsync(CancellationToken ct) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == tenant.OrganizationId).Select(o => o.IatiOrganisationId).FirstOrDefaultAsync(ct);

    public async Task WriteAsync(Stream output, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == tenant.OrganizationId, ct);
        var orgId = org.IatiOrganisationId?.Trim();
        if (string.IsNullOrEmpty(orgId)) throw new InvalidOperationException("The organization has no IATI organisation identifier.");
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false), CloseOutput = false };
        await using var w = XmlWriter.Create(output, settings);
        await w.WriteStartDocumentAsync();
        await w.WriteStartElementAsync(null, "iati-activities", null);
        await w.WriteAttributeStringAsync(null, "version", null, IatiMap.Version);
        await w.WriteAttributeStringAsync(null, "generated-datetime", null, now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

        string? after = null;
        while (true)
        {
            var q = db.Projects.AsNoTracking();
            if (after is not null) q = q.Where(p => string.Compare(p.Code, after) > 0);
            var projects = await q.OrderBy(p => p.Code).Take(Batch).ToListAsync(ct);
            if (projects.Count == 0) break;
            var ids = projects.Select(p => p.Id).ToList();
            var partners = (await db.ProjectPartners.AsNoTracking().Where(x => ids.Contains(x.ProjectId)).ToListAsync(ct))
                .ToLookup(x => x.ProjectId);
            var transactions = (await db.ProjectTransactions.AsNoTracking().Where(x => ids.Contains(x.ProjectId)).ToListAsync(ct))
                .ToLookup(x => x.ProjectId);
            foreach (var p in projects)
                await WriteActivityAsync(w, org, orgId, p,
                    partners[p.Id].OrderBy(x => x.Role).ThenBy(x => x.Name, StringComparer.Ordinal).ToList(),
                    transactions[p.Id].OrderBy(t => t.On).ThenBy(t => t.Kind).ToList());
            await w.FlushAsync();
            after = projects[^1].Code;
            if (projects.Count < Batch) break;
        }
        await w.WriteEndElementAsync();
        await w.WriteEndDocumentAsync();
        await w.FlushAsync();
    }

    /// <summary>Our identifier of a project: the organisation identifier, a hyphen, the code (or the identifier it was imported with).</summary>
    public static string Identifier(string organisationId, CooperationProject p) =>
        string.IsNullOrWhiteSpace(p.IatiIdentifier) ? $"{organisationId}-{p.Code}" : p.IatiIdentifier;

    private static async Task WriteActivityAsync(XmlWriter w, Organization org, string orgId, CooperationProject p,
        List<ProjectPartner> partners, List<ProjectTransaction> transactions)
    {
        await w.WriteStartElementAsync(null, "iati-activity", null);
        await w.WriteAttributeStringAsync(null, "last-updated-datetime", null,
            DateTime.SpecifyKind(p.UpdatedAt == default ? p.CreatedAt : p.UpdatedAt, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        await w.WriteAttributeStringAsync("xml", "lang", null, org.DefaultLanguage);
        await w.WriteAttributeStringAsync(null, "default-currency", null, p.Currency);

        await w.WriteElementStringAsync(null, "iati-identifier", null, Identifier(orgId, p));

        await w.WriteStartElementAsync(null, "reporting-org", null);
        await w.WriteAttributeStringAsync(null, "ref", null, orgId);
        await w.WriteAttributeStringAsync(null, "type", null, IatiMap.LocalGovernment);
        await NarrativesAsync(w, org.Name);
        await w.WriteEndElementAsync();

        await w.WriteStartElementAsync(null, "title", null);
        await NarrativesAsync(w, p.Title);
        await w.WriteEndElementAsync();

        // A description is required: without one, the title stands for it.
        await DescriptionAsync(w, "1", p.Description.IsEmpty ? p.Title : p.Description);
        if (!p.Beneficiaries.IsEmpty) await DescriptionAsync(w, "3", p.Beneficiaries); // target groups
        if (!p.Results.IsEmpty) await DescriptionAsync(w, "4", p.Results); // other

        foreach (var x in partners)
        {
            await w.WriteStartElementAsync(null, "participating-org", null);
            await w.WriteAttributeStringAsync(null, "role", null, ((int)x.Role).ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrWhiteSpace(x.IatiRef)) await w.WriteAttributeStringAsync(null, "ref", null, x.IatiRef);
            if (x.IatiType is { } type) await w.WriteAttributeStringAsync(null, "type", null, type.ToString(CultureInfo.InvariantCulture));
            await w.WriteElementStringAsync(null, "narrative", null, x.Name);
            await w.WriteEndElementAsync();
        }
        await w.WriteStartElementAsync(null, "participating-org", null);
        await w.WriteAttributeStringAsync(null, "role", null, IatiMap.OwnRole(p.OurRole).ToString(CultureInfo.InvariantCulture));
        await w.WriteAttributeStringAsync(null, "ref", null, orgId);
        await w.WriteAttributeStringAsync(null, "type", null, IatiMap.LocalGovernment);
        await NarrativesAsync(w, org.Name);
        await w.WriteEndElementAsync();

        await EmptyAsync(w, "activity-status", ("code", ((int)p.Status).ToString(CultureInfo.InvariantCulture)));
        foreach (var (type, date) in new[] { ("1", p.PlannedStart), ("2", p.ActualStart), ("3", p.PlannedEnd), ("4", p.ActualEnd) })
            if (date is { } d) await EmptyAsync(w, "activity-date", ("type", type), ("iso-date", IatiMap.Iso(d)));

        // Countries and M49 regions (RegionVocabulary 2, UN) share one 100 %.
        var places = p.Countries.Select(c => (Country: true, Code: c)).Concat(p.Regions.Select(r => (Country: false, Code: r))).ToList();
        var placeShares = IatiMap.Shares(places.Count);
        for (var i = 0; i < places.Count; i++)
        {
            if (places[i].Country)
                await EmptyAsync(w, "recipient-country", ("code", places[i].Code), ("percentage", IatiMap.Percent(placeShares[i])));
            else
                await EmptyAsync(w, "recipient-region", ("code", places[i].Code), ("vocabulary", "2"), ("percentage", IatiMap.Percent(placeShares[i])));
        }
        var sectorShares = IatiMap.Shares(p.Sectors.Count);
        for (var i = 0; i < p.Sectors.Count; i++)
            await EmptyAsync(w, "sector", ("vocabulary", "1"), ("code", p.Sectors[i]), ("percentage", IatiMap.Percent(sectorShares[i])));

        await EmptyAsync(w, "collaboration-type", ("code", IatiMap.CollaborationType(p.Kind)));

        var start = p.ActualStart ?? p.PlannedStart;
        if (p.Budget is { } budget && start is { } from)
        {
            var to = p.ActualEnd ?? p.PlannedEnd ?? from.AddYears(1).AddDays(-1);
            await w.WriteStartElementAsync(null, "budget", null);
            await w.WriteAttributeStringAsync(null, "type", null, "1"); // original
            await w.WriteAttributeStringAsync(null, "status", null, "1"); // indicative
            await EmptyAsync(w, "period-start", ("iso-date", IatiMap.Iso(from)));
            await EmptyAsync(w, "period-end", ("iso-date", IatiMap.Iso(to < from ? from : to)));
            await ValueAsync(w, budget, p.Currency, from);
            await w.WriteEndElementAsync();
        }

        foreach (var t in transactions)
        {
            await w.WriteStartElementAsync(null, "transaction", null);
            await EmptyAsync(w, "transaction-type", ("code", ((int)t.Kind).ToString(CultureInfo.InvariantCulture)));
            await EmptyAsync(w, "transaction-date", ("iso-date", IatiMap.Iso(t.On)));
            await ValueAsync(w, t.Amount, t.Currency, t.On);
            if (!string.IsNullOrWhiteSpace(t.Description))
            {
                await w.WriteStartElementAsync(null, "description", null);
                await w.WriteElementStringAsync(null, "narrative", null, t.Description);
                await w.WriteEndElementAsync();
            }
            foreach (var (element, name) in new[] { ("provider-org", t.ProviderName), ("receiver-org", t.ReceiverName) })
            {
                if (string.IsNullOrWhiteSpace(name)) continue;
                await w.WriteStartElementAsync(null, element, null);
                await w.WriteElementStringAsync(null, "narrative", null, name);
                await w.WriteEndElementAsync();
            }
            await w.WriteEndElementAsync();
        }
        await w.WriteEndElementAsync();
    }

    /// <summary>One narrative per language filled, each with its xml:lang.</summary>
    private static async Task NarrativesAsync(XmlWriter w, LocalizedText text)
    {
        var any = false;
        foreach (var lang in LocalizedText.Languages)
        {
            if (string.IsNullOrWhiteSpace(text[lang])) continue;
            any = true;
            await w.WriteStartElementAsync(null, "narrative", null);
            await w.WriteAttributeStringAsync("xml", "lang", null, lang);
            await w.WriteStringAsync(text[lang]!.Trim());
            await w.WriteEndElementAsync();
        }
        if (!any) await w.WriteElementStringAsync(null, "narrative", null, "");
    }

    private static async Task DescriptionAsync(XmlWriter w, string type, LocalizedText text)
    {
        await w.WriteStartElementAsync(null, "description", null);
        await w.WriteAttributeStringAsync(null, "type", null, type);
        await NarrativesAsync(w, text);
        await w.WriteEndElementAsync();
    }

    private static async Task ValueAsync(XmlWriter w, decimal amount, string currency, DateOnly valueDate)
    {
        await w.WriteStartElementAsync(null, "value", null);
        await w.WriteAttributeStringAsync(null, "currency", null, currency);
        await w.WriteAttributeStringAsync(null, "value-date", null, IatiMap.Iso(valueDate));
        await w.WriteStringAsync(IatiMap.Amount(amount));
        await w.WriteEndElementAsync();
    }

    private static async Task EmptyAsync(XmlWriter w, string name, params (string Name, string Value)[] attributes)
    {
        await w.WriteStartElementAsync(null, name, null);
        foreach (var (n, v) in attributes) await w.WriteAttributeStringAsync(null, n, null, v);
        await w.WriteEndElementAsync();
    }
}
