using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Policy;
using Nodal.Core.Reference;
using Nodal.Core.Relations;
using static Nodal.Bench.Data.PolicyVocabulary;
using static Nodal.Bench.Data.RelationsVocabulary;
using CountryNames = Nodal.Web.Features.Organizations.Countries;

namespace Nodal.Bench.Data;

/// <summary>What the relations parts generated for one organization, kept in <see cref="OrganizationData.Items"/>.</summary>
public sealed class RelationsData
{
    public const string Key = "relations";

    public sealed record Place(Guid Id, string Name, string Country, double Latitude, double Longitude);

    public List<Guid> CounterpartIds { get; } = [];
    public List<Place> Cities { get; } = [];
    public Dictionary<string, List<Place>> CitiesByCountry { get; } = [];
    public List<Guid> NetworkIds { get; } = [];
    public Dictionary<CounterpartKind, List<Guid>> ByKind { get; } = [];
    public Dictionary<Guid, string> Names { get; } = [];
    /// <summary>Counterparts with coordinates (cities, local governments, universities): what a partners map shows.</summary>
    public int Placed { get; set; }
    public int Contacts { get; set; }

    public List<Guid> AgreementIds { get; } = [];
    public List<string> AgreementCodes { get; } = [];
    public List<Guid> ActiveAgreementIds { get; } = [];
    public List<(Guid Id, DateOnly From, DateOnly To)> AgreementSpans { get; } = [];
    public Dictionary<Guid, List<Guid>> AgreementsByParty { get; } = [];
    public int LedgerEntries { get; set; }
    public int Memberships { get; set; }
    public int Roles { get; set; }
    public int Reports { get; set; }
    public int Alliances { get; set; }
    public List<Guid> ProjectIds { get; } = [];
    public int Partners { get; set; }
    public int Transactions { get; set; }
    public int Missions { get; set; }
    public int ActionsWithCounterparts { get; set; }
    public int ActionsWithAgreement { get; set; }
    public int ActionsWithProject { get; set; }
    /// <summary>The current plan's action ids, by code (loaded once, for follow-ups and links).</summary>
    public List<Guid> ActionIds { get; set; } = [];
    /// <summary>Every record the relations parts wrote (actions updated not counted), audit entries not counted.</summary>
    public int Records { get; set; }

    public static RelationsData Of(OrganizationData org) => (RelationsData)org.Items[Key];

    public override string ToString() =>
        $"{CounterpartIds.Count:N0} counterparts ({Cities.Count:N0} cities, {NetworkIds.Count} networks; {Placed:N0} with coordinates), {Contacts:N0} contacts, "
        + $"{AgreementIds.Count:N0} agreements ({ActiveAgreementIds.Count:N0} active) with {LedgerEntries:N0} ledger entries, {Memberships} memberships "
        + $"({Roles} roles, {Reports} reports), {Alliances} alliances, {ProjectIds.Count:N0} projects ({Partners:N0} partners, {Transactions:N0} transactions), "
        + $"{Missions:N0} missions and events; actions linked: {ActionsWithCounterparts:N0} to counterparts, {ActionsWithAgreement:N0} to an agreement, {ActionsWithProject:N0} to a project";
}

/// <summary>Helpers shared by the relations parts.</summary>
internal static class RelationsKit
{
    public static RelationsData Data(GenerationContext ctx)
    {
        if (!ctx.Organization.Items.TryGetValue(RelationsData.Key, out var data))
            ctx.Organization.Items[RelationsData.Key] = data = new RelationsData();
        return (RelationsData)data;
    }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A normal deviate (Box–Muller), to place cities around their country's centre.</summary>
    public static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    public static string OrgCity(OrganizationData org) => org.IsMeasured ? "Metrópolis" : $"Ciudad {org.Index:00}";
    public const double OrgLatitude = 39.47, OrgLongitude = -0.38;

    public static string Person(Random r) => $"{Draw.One(r, GivenNames)} {Draw.One(r, FamilyNames)}";

    public static Text Topic(Random r) => Draw.One(r, Topics);

    /// <summary>Log-uniform amount between min and max, rounded to hundreds.</summary>
    public static decimal Amount(Random r, double min, double max) =>
        Math.Round((decimal)Math.Exp(Math.Log(min) + r.NextDouble() * (Math.Log(max) - Math.Log(min))) / 100m) * 100m;
}

/// <summary>
/// The counterparts (issue #4): about 1,300 cities worldwide with coordinates around their country's centre,
/// networks (25 from the reference list), international organizations, agencies, embassies and consulates,
/// foundations, companies, universities, local governments; contacts on 40 % of them.
/// </summary>
public sealed class CounterpartsPart : IDatasetPart
{
    public string Name => "relations: counterparts and contacts";

    public async Task GenerateAsync(GenerationContext ctx, CancellationToken ct)
    {
        var p = ctx.Profile;
        var r = ctx.Random;
        var org = ctx.Organization.Id;
        var data = RelationsKit.Data(ctx);
        var counterparts = new List<Counterpart>();
        var number = 0;
        Counterpart New(CounterpartKind kind, string name, string? country) => new()
        {
            OrganizationId = org, Code = $"CP-{++number:0000}", Kind = kind, Name = name.Length > 300 ? name[..300] : name, Country = country,
        };

        // Cities: weighted countries; in each, gazetteer cities skewed to the largest (as picked from the gazetteer:
        // name, first-level division, population, position, GeoNames id); once a country runs out, made-up names
        // placed around its centre.
        var weights = Countries.Select(c => c.Weight).ToArray();
        var used = Countries.ToDictionary(c => c.Code, _ => new HashSet<string>(StringComparer.Ordinal));
        for (var i = 0; i < p.CounterpartCities; i++)
        {
            var country = Countries[Draw.Weighted(r, weights)];
            Counterpart c;
            var real = PickGazetteerCity(country.Code, used[country.Code], r);
            if (real is not null)
            {
                c = New(CounterpartKind.City, real.Name, country.Code);
                (c.Latitude, c.Longitude, c.Region, c.Population, c.GazetteerId) = (real.Latitude, real.Longitude, real.Admin1, real.Population, real.Id);
            }
            else
            {
                var made = country.Cities.FirstOrDefault(n => !used[country.Code].Contains(n));
                while (made is null || used[country.Code].Contains(made))
                    made = Draw.One(r, NameStarts) + Draw.One(r, NameMiddles) + Draw.One(r, NameEnds);
                c = New(CounterpartKind.City, made, country.Code);
                Locate(c, country, r);
                c.Region = $"{Draw.One(r, Regions)} {(char)('A' + r.Next(8))}";
                c.Population = (long)Math.Exp(Math.Log(20_000) + r.NextDouble() * (Math.Log(12_000_000) - Math.Log(20_000)));
            }
            var name = c.Name;
            used[country.Code].Add(name);
            c.Website = $"https://www.{Slug(name)}.example";
            if (r.NextDouble() < 0.3)
                c.Notes = new LocalizedText($"Ciudad socia desde {r.Next(1985, 2025)}.", $"Partner city since {r.Next(1985, 2025)}.", null);
            counterparts.Add(c);
            var place = new RelationsData.Place(c.Id, name, country.Code, c.Latitude!.Value, c.Longitude!.Value);
            data.Cities.Add(place);
            (data.CitiesByCountry.TryGetValue(country.Code, out var list) ? list : data.CitiesByCountry[country.Code] = []).Add(place);
        }

        // Networks: the reference list's first, then thematic ones without a code.
        for (var i = 0; i < p.Networks; i++)
        {
            Counterpart c;
            if (i < p.NetworksWithCode)
            {
                var reference = CityNetworks.All;
                var n = reference[i % reference.Count];
                var suffix = i < reference.Count ? "" : $" ({i / reference.Count + 1})";
                c = New(CounterpartKind.CityNetwork, (n.Name.En ?? n.Name.Es ?? n.Acronym) + suffix, n.HeadquartersCountry);
                c.Acronym = n.Acronym;
                c.NetworkCode = i < reference.Count ? n.Code : null;
                c.Website = n.Website;
            }
            else
            {
                var topic = RelationsKit.Topic(r);
                c = New(CounterpartKind.CityNetwork, string.Format(CultureInfo.InvariantCulture, Draw.One(r, NetworkNamePatterns), topic.Es), null);
            }
            c.Website ??= $"https://network{i + 1}.example";
            counterparts.Add(c);
            data.NetworkIds.Add(c.Id);
        }

        foreach (var i in Enumerable.Range(0, p.LocalGovernments))
        {
            var city = Draw.One(r, data.Cities);
            var c = New(CounterpartKind.LocalGovernment, string.Format(CultureInfo.InvariantCulture, Draw.One(r, LocalGovernmentPatterns), city.Name), city.Country);
            (c.Latitude, c.Longitude) = (Math.Round(city.Latitude + r.NextDouble() * 0.2 - 0.1, 4), Math.Round(city.Longitude + r.NextDouble() * 0.2 - 0.1, 4));
            counterparts.Add(c);
        }
        for (var i = 0; i < p.InternationalOrganizations; i++)
        {
            var o = InternationalOrganizations[i % InternationalOrganizations.Length];
            var office = i < InternationalOrganizations.Length ? null : Draw.One(r, CooperationCountries);
            var c = New(CounterpartKind.InternationalOrganization, office is null ? o.Name : $"{o.Name} – {CountryNames.Name(office, "en")} office", office ?? o.Country);
            c.Acronym = o.Acronym;
            c.Website = $"https://www.{Slug(o.Acronym ?? o.Name)}.example";
            counterparts.Add(c);
        }
        for (var i = 0; i < p.CooperationAgencies; i++)
        {
            var a = Agencies[i % Agencies.Length];
            var office = i < Agencies.Length ? null : Draw.One(r, CooperationCountries);
            var c = New(CounterpartKind.CooperationAgency, office is null ? a.Name : $"{a.Name} – {CountryNames.Name(office, "es")}", office ?? a.Country);
            c.Acronym = a.Acronym;
            counterparts.Add(c);
        }
        var embassyCountries = Countries.Where(c => c.Code != "ES").Select(c => c.Code).ToList();
        for (var i = 0; i < p.Embassies; i++)
        {
            var country = embassyCountries[i % embassyCountries.Count];
            var round = i / embassyCountries.Count;
            var name = round == 0 ? $"Embajada de {CountryNames.Name(country, "es")} en España"
                : round == 1 ? $"Consulado General de {CountryNames.Name(country, "es")} en {RelationsKit.OrgCity(ctx.Organization)}"
                : $"Oficina comercial de {CountryNames.Name(country, "es")} ({round - 1})";
            counterparts.Add(New(CounterpartKind.EmbassyOrConsulate, name, country));
        }
        for (var i = 0; i < p.Foundations; i++)
        {
            var c = New(CounterpartKind.Foundation, string.Format(CultureInfo.InvariantCulture, Draw.One(r, FoundationNames), $"{Draw.One(r, GivenNames)} {Draw.One(r, FamilyNames)}"),
                Countries[Draw.Weighted(r, weights)].Code);
            counterparts.Add(c);
        }
        for (var i = 0; i < p.Companies; i++)
        {
            var city = Draw.One(r, data.Cities);
            var c = New(CounterpartKind.Company, $"{Draw.One(r, CompanySectors)} {city.Name} {Draw.One(r, CompanySuffixes)}", city.Country);
            c.Website = $"https://www.{Slug(c.Name)}.example";
            counterparts.Add(c);
        }
        for (var i = 0; i < p.Universities; i++)
        {
            var city = Draw.One(r, data.Cities);
            var c = New(CounterpartKind.UniversityOrResearch, string.Format(CultureInfo.InvariantCulture, Draw.One(r, UniversityPatterns), city.Name), city.Country);
            (c.Latitude, c.Longitude) = (Math.Round(city.Latitude + r.NextDouble() * 0.06 - 0.03, 4), Math.Round(city.Longitude + r.NextDouble() * 0.06 - 0.03, 4));
            counterparts.Add(c);
        }

        // 1–3 contacts on 40 % of the counterparts.
        var contacts = new List<Contact>();
        foreach (var c in counterparts)
        {
            if (r.NextDouble() >= p.ContactShare) continue;
            for (var k = Draw.Weighted(r, 50, 35, 15); k >= 0; k--)
            {
                var given = Draw.One(r, GivenNames);
                var family = Draw.One(r, FamilyNames);
                contacts.Add(new Contact
                {
                    OrganizationId = org, CounterpartId = c.Id, Name = $"{given} {family}", Position = Draw.One(r, Positions),
                    Email = $"{Slug(given)}.{Slug(family)}@{Slug(c.Name)}.example",
                    Phone = r.NextDouble() < 0.7 ? $"+{r.Next(1, 99)} {r.Next(100, 999)} {r.Next(100, 999)} {r.Next(100, 999)}" : null,
                    Notes = r.NextDouble() < 0.2 ? "Prefers to be contacted in French." : null,
                });
            }
        }

        foreach (var c in counterparts)
        {
            data.CounterpartIds.Add(c.Id);
            data.Names[c.Id] = c.Name;
            (data.ByKind.TryGetValue(c.Kind, out var ids) ? ids : data.ByKind[c.Kind] = []).Add(c.Id);
        }
        data.Placed = counterparts.Count(c => c.Latitude is not null);
        data.Contacts = contacts.Count;
        data.Records += counterparts.Count + contacts.Count;
        await ctx.AddInBatchesAsync(counterparts, ct);
        await ctx.AddInBatchesAsync(contacts, ct);
    }

    /// <summary>The gazetteer's cities by country, largest first (at most 400 each: the ones a city office works with).</summary>
    private static readonly Lazy<Dictionary<string, Gazetteer.City[]>> GazetteerByCountry = new(() =>
        Gazetteer.All.GroupBy(c => c.Country).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Population).Take(400).ToArray()));
    private static readonly Dictionary<string, Skewed<Gazetteer.City>> Pickers = [];

    /// <summary>A gazetteer city of the country not used yet, skewed to the largest; null when none is left (or the country has none).</summary>
    private static Gazetteer.City? PickGazetteerCity(string country, HashSet<string> used, Random r)
    {
        if (!GazetteerByCountry.Value.TryGetValue(country, out var cities) || cities.Length == 0) return null;
        Skewed<Gazetteer.City> picker;
        lock (Pickers)
            if (!Pickers.TryGetValue(country, out picker!)) Pickers[country] = picker = new Skewed<Gazetteer.City>(cities, 0.6);
        for (var attempt = 0; attempt < 24; attempt++)
        {
            var city = picker.Pick(r);
            if (!used.Contains(city.Name)) return city;
        }
        return cities.FirstOrDefault(c => !used.Contains(c.Name));
    }

    private static void Locate(Counterpart c, Country country, Random r)
    {
        var lat = country.Latitude + Math.Clamp(RelationsKit.Gaussian(r), -2, 2) * country.Spread / 2;
        var lon = country.Longitude + Math.Clamp(RelationsKit.Gaussian(r), -2, 2) * country.Spread / 2 / Math.Max(0.3, Math.Cos(country.Latitude * Math.PI / 180));
        c.Latitude = Math.Round(Math.Clamp(lat, -85, 85), 4);
        c.Longitude = Math.Round(lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon, 4);
    }

    internal static string Slug(string s)
    {
        var chars = s.Normalize(System.Text.NormalizationForm.FormD)
            .Where(ch => char.IsAsciiLetterOrDigit(ch) || ch == ' ' || ch == '-')
            .Select(ch => ch == ' ' ? '-' : char.ToLowerInvariant(ch)).ToArray();
        var slug = new string(chars).Trim('-');
        return slug.Length == 0 ? "x" : slug.Length > 40 ? slug[..40] : slug;
    }
}

/// <summary>
/// Agreements: 45 % twinnings, the whole life cycle with 60 % active, 1–3 parties, signed 1985–2027,
/// renewals pointing at the agreement they renew, 0–12 ledger entries each.
/// </summary>
public sealed class AgreementsPart : IDatasetPart
{
    public string Name => "relations: agreements and ledgers";

    public async Task GenerateAsync(GenerationContext ctx, CancellationToken ct)
    {
        var p = ctx.Profile;
        var r = ctx.Random;
        var org = ctx.Organization.Id;
        var data = RelationsKit.Data(ctx);
        var today = RelationsKit.Today;
        var departments = new Skewed<Guid>(ctx.Organization.DepartmentIds, 1.0);
        var cities = data.ByKind[CounterpartKind.City];
        var anyone = data.CounterpartIds;
        var institutions = new[] { CounterpartKind.InternationalOrganization, CounterpartKind.CooperationAgency, CounterpartKind.UniversityOrResearch, CounterpartKind.LocalGovernment }
            .SelectMany(k => data.ByKind.GetValueOrDefault(k) ?? []).ToList();
        var names = data.Names;

        var agreements = new List<Agreement>();
        for (var i = 0; i < p.Agreements; i++)
        {
            var kind = Draw.Weighted(r, 45, 15, 20, 17, 3) switch
            {
                0 => AgreementKind.Twinning, 1 => AgreementKind.Friendship, 2 => AgreementKind.MemorandumOfUnderstanding, 3 => AgreementKind.Cooperation, _ => AgreementKind.Other,
            };
            var status = Draw.Weighted(r, 4, 3, 3, 5, 60, 12, 5, 8) switch
            {
                0 => AgreementStatus.Draft, 1 => AgreementStatus.LegalReview, 2 => AgreementStatus.Approved, 3 => AgreementStatus.Signed,
                4 => AgreementStatus.Active, 5 => AgreementStatus.Expired, 6 => AgreementStatus.Terminated, _ => AgreementStatus.Renewed,
            };
            var parties = kind is AgreementKind.Twinning or AgreementKind.Friendship
                ? Enumerable.Range(0, r.NextDouble() < 0.9 ? 1 : 2).Select(_ => Draw.One(r, cities)).Distinct().ToList()
                : Enumerable.Range(0, r.Next(1, 4)).Select(k => k == 0 && r.NextDouble() < 0.6 ? Draw.One(r, cities) : Draw.One(r, r.NextDouble() < 0.6 ? institutions : anyone)).Distinct().ToList();
            var a = new Agreement
            {
                OrganizationId = org, Code = $"AG-{i + 1:0000}", Kind = kind, Status = status, PartyIds = parties,
                Subjects = Enumerable.Range(0, r.Next(1, 5)).Select(_ => Draw.One(r, Subjects)).Distinct().ToList(),
                LeadDepartmentId = departments.Pick(r),
                Renewal = (RenewalTerms)Draw.Weighted(r, 40, 35, 25),
            };
            Dates(a, r, today);
            agreements.Add(a);
        }
        // A renewed agreement is followed by the active one that renews it: same parties, signed as the old one expired.
        var renewers = new Queue<Agreement>();
        for (var i = agreements.Count - 1; i >= 0; i--)
        {
            var a = agreements[i];
            if (a.Status == AgreementStatus.Renewed)
            {
                var renewer = renewers.Count > 0 ? renewers.Dequeue() : null;
                if (renewer is null) { a.Status = AgreementStatus.Expired; continue; }
                renewer.RenewsId = a.Id;
                renewer.Kind = a.Kind;
                renewer.PartyIds = [.. a.PartyIds];
                renewer.SignedOn = a.ExpiresOn!.Value.AddDays(-r.Next(5, 60));
                renewer.EffectiveFrom = a.ExpiresOn.Value.AddDays(1);
                if (renewer.ExpiresOn is { } e && e <= renewer.EffectiveFrom) renewer.ExpiresOn = null;
            }
            else if (a.Status == AgreementStatus.Active && a.RenewsId is null && a.SignedOn is { } s && s.Year >= 1995) renewers.Enqueue(a);
        }

        var ledger = new List<LedgerEntry>();
        var number = 0;
        foreach (var a in agreements)
        {
            Describe(a, r, names, ctx.Organization);
            if (a.EffectiveFrom is not { } from || from > today) continue;
            var to = new[] { today, a.EndedOn ?? today, a.ExpiresOn ?? today }.Min();
            if (to <= from) continue;
            data.AgreementSpans.Add((a.Id, from, to));
            var entries = a.Status == AgreementStatus.Active ? r.Next(0, p.MaxLedgerEntries + 1) : r.Next(0, p.MaxLedgerEntries / 2 + 1);
            for (var k = 0; k < entries; k++)
            {
                var t = Draw.One(r, LedgerSummaries);
                var topic = RelationsKit.Topic(r);
                ledger.Add(new LedgerEntry
                {
                    OrganizationId = org, AgreementId = a.Id, On = Draw.Day(r, from, to), Kind = (LedgerKind)Draw.Weighted(r, 25, 20, 25, 15, 10, 0, 0, 0, 5) + 1,
                    Summary = new LocalizedText(string.Format(CultureInfo.InvariantCulture, t.Es, topic.Es), string.Format(CultureInfo.InvariantCulture, t.En, topic.En),
                        string.Format(CultureInfo.InvariantCulture, t.Fr, topic.Fr)),
                });
                number++;
            }
        }

        foreach (var a in agreements)
        {
            data.AgreementIds.Add(a.Id);
            data.AgreementCodes.Add(a.Code);
            if (a.Status == AgreementStatus.Active) data.ActiveAgreementIds.Add(a.Id);
            foreach (var party in a.PartyIds)
                (data.AgreementsByParty.TryGetValue(party, out var list) ? list : data.AgreementsByParty[party] = []).Add(a.Id);
        }
        data.LedgerEntries = ledger.Count;
        data.Records += agreements.Count + ledger.Count;
        // Renewed before renewing: the renewed one comes first in the list, so batches keep that order.
        await ctx.AddInBatchesAsync(agreements, ct);
        await ctx.AddInBatchesAsync(ledger, ct);
    }

    private static void Dates(Agreement a, Random r, DateOnly today)
    {
        var first = new DateOnly(1985, 1, 1);
        switch (a.Status)
        {
            case AgreementStatus.Draft or AgreementStatus.LegalReview or AgreementStatus.Approved:
                if (r.NextDouble() < 0.5) a.EffectiveFrom = Draw.Day(r, today.AddDays(30), new DateOnly(2027, 12, 31));
                break;
            case AgreementStatus.Signed:
                a.SignedOn = Draw.Day(r, today.AddDays(-200), today);
                a.EffectiveFrom = Draw.Day(r, today.AddDays(1), new DateOnly(2027, 6, 30));
                a.ExpiresOn = r.NextDouble() < 0.5 ? null : a.EffectiveFrom.Value.AddYears(r.Next(2, 6));
                break;
            case AgreementStatus.Active:
                a.SignedOn = Draw.Day(r, first, today.AddDays(-30));
                a.EffectiveFrom = a.SignedOn.Value.AddDays(r.Next(0, 60));
                // Twinnings rarely end; the others run to a date after today.
                a.ExpiresOn = a.Kind == AgreementKind.Twinning && r.NextDouble() < 0.8 ? null : Draw.Day(r, today.AddDays(15), new DateOnly(2027, 12, 31)).AddYears(r.Next(0, 3));
                break;
            case AgreementStatus.Expired or AgreementStatus.Renewed:
                a.SignedOn = Draw.Day(r, first, today.AddYears(-3));
                a.EffectiveFrom = a.SignedOn.Value.AddDays(r.Next(0, 60));
                a.ExpiresOn = Draw.Day(r, a.EffectiveFrom.Value.AddYears(2), today.AddDays(-1));
                a.EndedOn = a.ExpiresOn;
                break;
            case AgreementStatus.Terminated:
                a.SignedOn = Draw.Day(r, first, today.AddYears(-2));
                a.EffectiveFrom = a.SignedOn.Value.AddDays(r.Next(0, 60));
                a.ExpiresOn = r.NextDouble() < 0.5 ? null : a.EffectiveFrom.Value.AddYears(r.Next(4, 10));
                a.EndedOn = Draw.Day(r, a.EffectiveFrom.Value.AddYears(1), today.AddDays(-1));
                break;
        }
    }

    private static void Describe(Agreement a, Random r, Dictionary<Guid, string> names, OrganizationData org)
    {
        var party = a.PartyIds.Select(id => names.GetValueOrDefault(id)).FirstOrDefault(n => n is not null);
        var topic = RelationsKit.Topic(r);
        var us = RelationsKit.OrgCity(org);
        a.Title = a.Kind switch
        {
            AgreementKind.Twinning => new LocalizedText($"Hermanamiento entre {us} y {party}", $"Twinning between {us} and {party}", $"Jumelage entre {us} et {party}"),
            AgreementKind.Friendship => new LocalizedText($"Acuerdo de amistad con {party}", $"Friendship agreement with {party}", $"Accord d'amitié avec {party}"),
            AgreementKind.MemorandumOfUnderstanding => new LocalizedText($"Memorando de entendimiento sobre {topic.Es}", $"Memorandum of understanding on {topic.En}", $"Protocole d'accord sur {topic.Fr}"),
            AgreementKind.Cooperation => new LocalizedText($"Convenio de cooperación sobre {topic.Es}", $"Cooperation agreement on {topic.En}", $"Convention de coopération sur {topic.Fr}"),
            _ => new LocalizedText($"Carta de intenciones sobre {topic.Es}", $"Letter of intent on {topic.En}", $"Lettre d'intention sur {topic.Fr}"),
        };
        a.Summary = new LocalizedText(
            $"Las partes cooperan en {string.Join(", ", a.Subjects)} con intercambios anuales y un comité de seguimiento.",
            $"The parties cooperate on {string.Join(", ", a.Subjects)} with yearly exchanges and a follow-up committee.",
            r.NextDouble() < 0.4 ? $"Les parties coopèrent en matière de {string.Join(", ", a.Subjects)} avec des échanges annuels et un comité de suivi." : null);
        a.Commitments = new LocalizedText("Intercambio anual de personal técnico; reunión bienal de alcaldías.", "A yearly staff exchange; a mayors' meeting every two years.", null);
        if (a.SignedOn is not null) a.Signatories = $"Alcaldesa de {us}\n{(party is null ? "Representante de la contraparte" : $"Alcalde de {party}")}";
        if (a.Renewal == RenewalTerms.Automatic) a.RenewalNotes = new LocalizedText("Se renueva por periodos de cuatro años salvo denuncia.", "Renews for four-year periods unless notice is given.", null);
    }
}

/// <summary>Network memberships (0–3 roles, 0–4 reports each) and city alliances.</summary>
public sealed class NetworksPart : IDatasetPart
{
    public string Name => "relations: memberships and alliances";

    public async Task GenerateAsync(GenerationContext ctx, CancellationToken ct)
    {
        var p = ctx.Profile;
        var r = ctx.Random;
        var org = ctx.Organization.Id;
        var data = RelationsKit.Data(ctx);
        var today = RelationsKit.Today;
        await LoadActionIdsAsync(ctx, data, ct);
        var departments = new Skewed<Guid>(ctx.Organization.DepartmentIds, 1.0);
        var memberships = new List<NetworkMembership>();
        var roles = new List<NetworkRoleHeld>();
        var reports = new List<MembershipReport>();
        // The reference networks first (they are the large ones), then others.
        foreach (var networkId in data.NetworkIds.Take(p.NetworkMemberships))
        {
            var since = Draw.Day(r, new DateOnly(1990, 1, 1), today.AddYears(-1));
            DateOnly? until = r.NextDouble() < 0.15 ? Draw.Day(r, since.AddYears(1), today.AddDays(-1)) : null;
            var m = new NetworkMembership
            {
                OrganizationId = org, NetworkId = networkId, Since = since, Until = until,
                AnnualFee = r.NextDouble() < 0.8 ? RelationsKit.Amount(r, 1_000, 60_000) : null,
                WorkingGroups = Enumerable.Range(0, r.Next(0, 4)).Select(_ => Draw.One(r, WorkingGroups)).Distinct().ToList(),
                Commitments = new LocalizedText("Informe anual y participación en la asamblea general.", "An annual report and attending the general assembly.", null),
                LeadDepartmentId = departments.Pick(r),
            };
            memberships.Add(m);
            var end = until ?? today;
            for (var k = r.Next(0, 4); k > 0; k--)
            {
                var from = Draw.Day(r, since, end);
                roles.Add(new NetworkRoleHeld
                {
                    OrganizationId = org, MembershipId = m.Id, Role = (NetworkRole)r.Next(2, 8), From = from,
                    To = r.NextDouble() < 0.6 ? from.AddYears(r.Next(1, 4)) : null,
                    Detail = r.NextDouble() < 0.5 ? $"{Draw.One(r, WorkingGroups)} working group" : null,
                });
            }
            for (var k = r.Next(0, 5); k > 0; k--)
            {
                var year = r.Next(Math.Max(since.Year, 2015), 2028);
                var due = new DateOnly(year, r.Next(1, 13), 15);
                reports.Add(new MembershipReport
                {
                    OrganizationId = org, MembershipId = m.Id, Due = due,
                    Title = new LocalizedText($"Informe anual {year}", $"Annual report {year}", $"Rapport annuel {year}"),
                    SubmittedOn = due < today && r.NextDouble() < 0.85 ? due.AddDays(r.Next(-20, 30)) : null,
                });
            }
        }

        var alliances = new List<Alliance>();
        for (var i = 0; i < p.Alliances; i++)
        {
            var t = i < AllianceTitles.Length ? AllianceTitles[i] : null;
            var topic = RelationsKit.Topic(r);
            var title = t?.Localized ?? new LocalizedText($"Declaración de ciudades sobre {topic.Es}", $"Cities' declaration on {topic.En}", $"Déclaration des villes sur {topic.Fr}");
            alliances.Add(new Alliance
            {
                OrganizationId = org, Title = title,
                Declaration = new LocalizedText(
                    $"Las ciudades firmantes se comprometen a actuar sobre {topic.Es} y a rendir cuentas cada año.",
                    $"The signatory cities commit to act on {topic.En} and to report every year.",
                    $"Les villes signataires s'engagent à agir sur {topic.Fr} et à rendre compte chaque année."),
                Url = $"https://alliance{i + 1}.example",
                AdheredOn = Draw.Day(r, new DateOnly(2012, 1, 1), today),
                Commitments = new LocalizedText("Plan de acción en dos años.", "An action plan within two years.", null),
                CoSignatoryIds = Enumerable.Range(0, r.Next(2, 11)).Select(_ => Draw.One(r, data.Cities).Id).Distinct().ToList(),
                OtherCoSignatories = Enumerable.Range(0, r.Next(0, 4)).Select(_ => $"{Draw.One(r, NameStarts)}{Draw.One(r, NameEnds)}").ToList(),
                PromoterId = r.NextDouble() < 0.7 ? Draw.One(r, data.NetworkIds) : null,
                FollowUpActionIds = data.ActionIds.Count == 0 ? [] : Enumerable.Range(0, r.Next(0, 4)).Select(_ => Draw.One(r, data.ActionIds)).Distinct().ToList(),
            });
        }

        data.Memberships = memberships.Count;
        data.Roles = roles.Count;
        data.Reports = reports.Count;
        data.Alliances = alliances.Count;
        data.Records += memberships.Count + roles.Count + reports.Count + alliances.Count;
        await ctx.AddInBatchesAsync(memberships, ct);
        await ctx.AddInBatchesAsync(roles, ct);
        await ctx.AddInBatchesAsync(reports, ct);
        await ctx.AddInBatchesAsync(alliances, ct);
    }

    internal static async Task LoadActionIdsAsync(GenerationContext ctx, RelationsData data, CancellationToken ct)
    {
        if (data.ActionIds.Count > 0 || !ctx.Organization.Items.ContainsKey(PolicyData.Key)) return;
        var planId = PolicyData.Of(ctx.Organization).CurrentPlanId;
        await ctx.InOrganizationAsync(async (db, _) =>
            data.ActionIds = await db.Actions.Where(a => a.PlanId == planId).OrderBy(a => a.Code).Select(a => a.Id).ToListAsync(ct));
    }
}

/// <summary>Cooperation projects: kinds, roles, 1–4 DAC sectors, 1–2 countries, status from the dates, budget, 1–4 partners, 2–10 transactions.</summary>
public sealed class ProjectsPart : IDatasetPart
{
    public string Name => "relations: cooperation projects";

    public async Task GenerateAsync(GenerationContext ctx, CancellationToken ct)
    {
        var p = ctx.Profile;
        var r = ctx.Random;
        var org = ctx.Organization.Id;
        var data = RelationsKit.Data(ctx);
        var today = RelationsKit.Today;
        var departments = new Skewed<Guid>(ctx.Organization.DepartmentIds, 1.0);
        var countries = new Skewed<string>(CooperationCountries, 0.8);
        var sectors = new Skewed<string>(RelationsVocabulary.DacSectors.OrderBy(_ => r.Next()).ToList(), 0.7);
        var funders = (data.ByKind.GetValueOrDefault(CounterpartKind.CooperationAgency) ?? []).Concat(data.ByKind.GetValueOrDefault(CounterpartKind.InternationalOrganization) ?? []).ToList();
        var projects = new List<CooperationProject>();
        var partners = new List<ProjectPartner>();
        var transactions = new List<ProjectTransaction>();
        for (var i = 0; i < p.Projects; i++)
        {
            var kind = (CooperationKind)Draw.Weighted(r, 70, 15, 15) + 1;
            var projectCountries = countries.PickDistinct(r, r.NextDouble() < 0.8 ? 1 : 2);
            var start = Draw.Day(r, new DateOnly(2010, 1, 1), new DateOnly(2027, 6, 30));
            var end = start.AddMonths(r.Next(12, 49));
            var status = start > today ? (r.NextDouble() < 0.96 ? ProjectStatus.Pipeline : ProjectStatus.Cancelled)
                : end < today ? (ProjectStatus)(Draw.Weighted(r, 85, 10, 5) switch { 0 => 4, 1 => 3, _ => 5 })
                : Draw.Weighted(r, 90, 5, 5) switch { 0 => ProjectStatus.Implementation, 1 => ProjectStatus.Suspended, _ => ProjectStatus.Finalisation };
            var budget = RelationsKit.Amount(r, 10_000, 2_000_000);
            var currency = r.NextDouble() < 0.05 ? "USD" : "EUR";
            var topic = RelationsKit.Topic(r);
            var place = data.CitiesByCountry.TryGetValue(projectCountries[0], out var inCountry) && inCountry.Count > 0 ? Draw.One(r, inCountry) : null;
            var where = place?.Name ?? CountryNames.Name(projectCountries[0], "es");
            var project = new CooperationProject
            {
                OrganizationId = org, Code = $"PR-{i + 1:0000}", Kind = kind,
                Title = new LocalizedText($"Cooperación con {where} en {topic.Es}", $"Cooperation with {place?.Name ?? CountryNames.Name(projectCountries[0], "en")} on {topic.En}",
                    $"Coopération avec {place?.Name ?? CountryNames.Name(projectCountries[0], "fr")} sur {topic.Fr}"),
                Description = new LocalizedText(
                    $"Proyecto de {(kind == CooperationKind.Decentralized ? "cooperación descentralizada" : kind == CooperationKind.SouthSouth ? "cooperación Sur-Sur" : "cooperación triangular")} para mejorar {topic.Es} con el gobierno local socio.",
                    $"A {(kind == CooperationKind.Decentralized ? "decentralized" : kind == CooperationKind.SouthSouth ? "South-South" : "triangular")} cooperation project to improve {topic.En} with the partner local government.",
                    r.NextDouble() < 0.4 ? $"Projet de coopération pour améliorer {topic.Fr} avec la collectivité partenaire." : null),
                OurRole = (ProjectRole)Draw.Weighted(r, 55, 20, 20, 5) + 1,
                Support = Enumerable.Range(0, r.Next(1, 4)).Select(_ => (SupportKind)r.Next(1, 5)).Distinct().ToList(),
                Sectors = sectors.PickDistinct(r, Draw.Weighted(r, 40, 30, 20, 10) + 1),
                Countries = projectCountries,
                Regions = r.NextDouble() < 0.2 && M49.RegionOf(projectCountries[0]) is { } region ? [region] : [],
                Status = status,
                PlannedStart = start, PlannedEnd = end,
                ActualStart = status is ProjectStatus.Pipeline or ProjectStatus.Cancelled ? null : start.AddDays(r.Next(0, 90)),
                ActualEnd = status == ProjectStatus.Closed ? end.AddDays(r.Next(-30, 120)) : null,
                Budget = budget, Currency = currency,
                Beneficiaries = new LocalizedText("Población de los barrios periféricos y personal municipal", "Residents of outlying neighbourhoods and city staff", null),
                BeneficiaryCount = r.NextDouble() < 0.7 ? r.Next(100, 200_000) : null,
                Results = status == ProjectStatus.Closed ? new LocalizedText("Objetivos alcanzados; informe final aprobado.", "Objectives met; final report approved.", null) : new LocalizedText(),
                AgreementIds = r.NextDouble() < 0.2 && data.ActiveAgreementIds.Count > 0 ? [Draw.One(r, data.ActiveAgreementIds)] : [],
                LeadDepartmentId = departments.Pick(r),
            };
            if (project.ActualEnd > today) project.ActualEnd = today;
            projects.Add(project);

            // Partners: the local government implementing, often a funder, sometimes others (by name only).
            var count = Draw.Weighted(r, 30, 35, 25, 10) + 1;
            for (var k = 0; k < count; k++)
            {
                var (cp, name, role, iati, type) = k switch
                {
                    0 when place is not null => ((Guid?)place.Id, $"Municipalidad de {place.Name}", PartnerRole.Implementing, (string?)null, (int?)11),
                    0 => (null, $"Gobierno local de {CountryNames.Name(projectCountries[0], "es")}", PartnerRole.Implementing, null, 11),
                    1 when funders.Count > 0 && r.NextDouble() < 0.7 => (Draw.One(r, funders), "", PartnerRole.Funding, r.NextDouble() < 0.5 ? $"XM-DAC-{r.Next(40000, 48000)}" : null, 40),
                    _ => (null, $"ONGD {Draw.One(r, FamilyNames)}", (PartnerRole)r.Next(1, 5), null, 22),
                };
                partners.Add(new ProjectPartner
                {
                    OrganizationId = org, ProjectId = project.Id, CounterpartId = cp, Name = name.Length > 0 ? name : data.Names[cp!.Value], Role = role, IatiRef = iati, IatiType = type,
                });
            }

            // Transactions: the commitment first, then disbursements and expenditure up to today or the end.
            var txFrom = start.AddDays(-90);
            var txTo = new[] { today, project.ActualEnd ?? end }.Min();
            if (txTo <= txFrom) txTo = txFrom.AddDays(60);
            var n = r.Next(2, 11);
            for (var k = 0; k < n; k++)
            {
                var txKind = k == 0 ? TransactionKind.Commitment : (TransactionKind)(Draw.Weighted(r, 8, 0, 50, 35, 0, 0, 0, 0, 0, 0, 7) + 1);
                transactions.Add(new ProjectTransaction
                {
                    OrganizationId = org, ProjectId = project.Id, Kind = txKind,
                    On = k == 0 ? txFrom : Draw.Day(r, txFrom, txTo),
                    Amount = k == 0 ? budget : Math.Round(budget / n / 100m) * 100m + 100m,
                    Currency = currency,
                    Description = txKind == TransactionKind.Disbursement ? $"Tramo {k}" : null,
                    ProviderName = txKind is TransactionKind.IncomingFunds or TransactionKind.IncomingCommitment ? "AECID" : RelationsKit.OrgCity(ctx.Organization),
                    ReceiverName = partners[^count].Name,
                });
            }
        }

        data.ProjectIds.AddRange(projects.Select(x => x.Id));
        data.Partners = partners.Count;
        data.Transactions = transactions.Count;
        data.Records += projects.Count + partners.Count + transactions.Count;
        await ctx.AddInBatchesAsync(projects, ct);
        await ctx.AddInBatchesAsync(partners, ct);
        await ctx.AddInBatchesAsync(transactions, ct);
    }
}

/// <summary>Missions, visits and events, 2015–2027: placed in the counterpart city (outbound, attended) or at home (inbound, hosted).</summary>
public sealed class MissionsPart : IDatasetPart
{
    public string Name => "relations: missions and events";

    public async Task GenerateAsync(GenerationContext ctx, CancellationToken ct)
    {
        var p = ctx.Profile;
        var r = ctx.Random;
        var org = ctx.Organization;
        var data = RelationsKit.Data(ctx);
        var today = RelationsKit.Today;
        await NetworksPart.LoadActionIdsAsync(ctx, data, ct);
        var departments = new Skewed<Guid>(org.DepartmentIds, 1.0);
        var kindWeights = MissionKinds.Select(k => k.Weight).ToArray();
        var missions = new List<Mission>();
        for (var i = 0; i < p.Missions; i++)
        {
            var kind = MissionKinds[Draw.Weighted(r, kindWeights)].Kind;
            var isEvent = kind is MissionKind.HostedEvent or MissionKind.AttendedEvent;
            var abroad = kind is MissionKind.OutboundMission or MissionKind.AttendedEvent;
            var city = Draw.One(r, data.Cities);
            var start = Draw.Day(r, new DateOnly(2015, 1, 1), new DateOnly(2027, 12, 20));
            var end = start.AddDays(isEvent ? r.Next(0, 5) : r.Next(0, 7));
            var status = r.NextDouble() < 0.04 ? MissionStatus.Cancelled : end < today ? MissionStatus.Done : MissionStatus.Planned;
            var topic = RelationsKit.Topic(r);
            var counterparts = new List<Guid>();
            if (kind != MissionKind.HostedEvent) counterparts.Add(city.Id);
            for (var k = r.Next(0, 3); k > 0; k--) counterparts.Add(Draw.One(r, data.CounterpartIds));
            var agreements = data.AgreementsByParty.GetValueOrDefault(city.Id);
            var m = new Mission
            {
                OrganizationId = org.Id, Kind = kind,
                EventKind = isEvent ? (EventKind)(Draw.Weighted(r, 20, 35, 15, 10, 15, 0, 0, 0, 5) + 1) : null,
                Title = kind switch
                {
                    MissionKind.OutboundMission => new LocalizedText($"Misión a {city.Name} sobre {topic.Es}", $"Mission to {city.Name} on {topic.En}", $"Mission à {city.Name} sur {topic.Fr}"),
                    MissionKind.InboundVisit => new LocalizedText($"Visita de una delegación de {city.Name}", $"Visit of a delegation from {city.Name}", $"Visite d'une délégation de {city.Name}"),
                    MissionKind.HostedEvent => new LocalizedText($"Foro internacional sobre {topic.Es} {start.Year}", $"International forum on {topic.En} {start.Year}", $"Forum international sur {topic.Fr} {start.Year}"),
                    _ => new LocalizedText($"Congreso sobre {topic.Es} en {city.Name}", $"Congress on {topic.En} in {city.Name}", $"Congrès sur {topic.Fr} à {city.Name}"),
                },
                Start = start, End = end, Status = status,
                City = abroad ? city.Name : RelationsKit.OrgCity(org), Country = abroad ? city.Country : "ES",
                Latitude = abroad ? city.Latitude : RelationsKit.OrgLatitude, Longitude = abroad ? city.Longitude : RelationsKit.OrgLongitude,
                CounterpartIds = counterparts.Distinct().ToList(),
                AgreementId = agreements is { Count: > 0 } && r.NextDouble() < 0.6 ? Draw.One(r, agreements)
                    : r.NextDouble() < 0.08 && data.ActiveAgreementIds.Count > 0 ? Draw.One(r, data.ActiveAgreementIds) : null,
                Delegation = kind == MissionKind.HostedEvent ? [] : Enumerable.Range(0, r.Next(1, 6)).Select(_ => $"{RelationsKit.Person(r)}, {Draw.One(r, Positions)}").ToList(),
                Agenda = new LocalizedText($"Reuniones técnicas sobre {topic.Es}; visita a proyectos.", $"Technical meetings on {topic.En}; project visits.", null),
                Outcomes = status == MissionStatus.Done ? new LocalizedText("Acuerdo de un plan de trabajo conjunto.", "A joint work plan agreed.", null) : new LocalizedText(),
                FollowUpActionIds = data.ActionIds.Count > 0 && r.NextDouble() < 0.3 ? Enumerable.Range(0, r.Next(1, 3)).Select(_ => Draw.One(r, data.ActionIds)).Distinct().ToList() : [],
                LeadDepartmentId = departments.Pick(r),
                Attendance = isEvent ? (int)Math.Exp(Math.Log(50) + r.NextDouble() * (Math.Log(50_000) - Math.Log(50))) : null,
                EconomicImpact = kind == MissionKind.HostedEvent ? RelationsKit.Amount(r, 20_000, 30_000_000) : null,
                Currency = kind == MissionKind.HostedEvent ? "EUR" : null,
            };
            missions.Add(m);
        }
        data.Missions = missions.Count;
        data.Records += missions.Count;
        await ctx.AddInBatchesAsync(missions, ct);
    }
}

/// <summary>
/// Links the current plan's actions to the registry, as the office does once it exists: 20 % to 1–2
/// counterparts (cities of the action's countries when there are), 5 % to an agreement, 5 % to a project.
/// An update through the app's DbContext: each changed action gets its audit entry.
/// </summary>
public sealed class ActionLinksPart : IDatasetPart
{
    public string Name => "relations: links from actions";

    public async Task GenerateAsync(GenerationContext ctx, CancellationToken ct)
    {
        var p = ctx.Profile;
        var r = ctx.Random;
        var data = RelationsKit.Data(ctx);
        await NetworksPart.LoadActionIdsAsync(ctx, data, ct);
        var plan = new List<(Guid Id, bool Counterparts, Guid? Agreement, Guid? Project)>();
        foreach (var id in data.ActionIds)
        {
            var withCounterparts = r.NextDouble() < p.ActionCounterpartShare;
            Guid? agreement = r.NextDouble() < p.ActionAgreementShare && data.AgreementIds.Count > 0 ? Draw.One(r, data.AgreementIds) : null;
            Guid? project = r.NextDouble() < p.ActionProjectShare && data.ProjectIds.Count > 0 ? Draw.One(r, data.ProjectIds) : null;
            if (withCounterparts || agreement is not null || project is not null) plan.Add((id, withCounterparts, agreement, project));
        }
        // The counterparts are drawn in the order of the plan above, after the loading: deterministic.
        foreach (var batch in plan.Chunk(p.BatchSize))
        {
            await ctx.InOrganizationAsync(async (db, _) =>
            {
                var ids = batch.Select(b => b.Id).ToList();
                var actions = (await db.Actions.Where(a => ids.Contains(a.Id)).ToListAsync(ct)).ToDictionary(a => a.Id);
                foreach (var (id, withCounterparts, agreement, project) in batch)
                {
                    var a = actions[id];
                    if (withCounterparts)
                    {
                        var local = a.Countries.SelectMany(c => data.CitiesByCountry.GetValueOrDefault(c) ?? []).ToList();
                        a.CounterpartIds = Enumerable.Range(0, r.NextDouble() < 0.7 ? 1 : 2)
                            .Select(_ => local.Count > 0 && r.NextDouble() < 0.8 ? Draw.One(r, local).Id : Draw.One(r, data.CounterpartIds)).Distinct().ToList();
                        data.ActionsWithCounterparts++;
                    }
                    if (agreement is { } ag) { a.AgreementIds = [ag]; data.ActionsWithAgreement++; }
                    if (project is { } pr) { a.ProjectIds = [pr]; data.ActionsWithProject++; }
                }
                await db.SaveChangesAsync(ct);
            });
        }
    }
}
