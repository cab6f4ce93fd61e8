using Nodal.Core.Relations;
using Nodal.Web.Features.Organizations;

namespace Nodal.Web.Features.Map;

/// <summary>What the map shades countries and sizes places by.</summary>
public enum MapKind
{
    Counterparts = 0,
    Agreements = 1,
    Memberships = 2,
    Projects = 3,
    Missions = 4,
}

/// <summary>The map's filters, from the query string.</summary>
public sealed class MapQuery
{
    /// <summary>What the countries are shaded by: Counterparts (the default), Agreements, Memberships, Projects or Missions.</summary>
    [FromQuery(Name = "kind")] public MapKind? Kind { get; set; }
    /// <summary>From this year (1 January), on the records' dates.</summary>
    [FromQuery(Name = "from")] public int? From { get; set; }
    /// <summary>To this year (31 December).</summary>
    [FromQuery(Name = "to")] public int? To { get; set; }
    /// <summary>Agreements in this status only.</summary>
    [FromQuery(Name = "status")] public AgreementStatus? Status { get; set; }

    public MapKind Shown => Kind is { } k && Enum.IsDefined(k) ? k : MapKind.Counterparts;

    internal DateOnly? FromDate => From is >= 1900 and <= 2200 ? new DateOnly(From.Value, 1, 1) : null;
    internal DateOnly? ToDate => To is >= 1900 and <= 2200 ? new DateOnly(To.Value, 12, 31) : null;
    internal bool HasPeriod => FromDate is not null || ToDate is not null;
}

/// <summary>The relations in one country, per kind.</summary>
public sealed record CountryCount(string Code, string Name, int Counterparts, int Agreements, int Memberships, int Projects, int Missions)
{
    public int Of(MapKind kind) => kind switch
    {
        MapKind.Agreements => Agreements,
        MapKind.Memberships => Memberships,
        MapKind.Projects => Projects,
        MapKind.Missions => Missions,
        _ => Counterparts,
    };
}

/// <summary>
/// A place on the map: a counterpart with coordinates (a partner city, a metropolitan government), or where a
/// mission with no placed counterpart went.
/// </summary>
public sealed record MapPlace(string Name, string Country, string CountryName, double Latitude, double Longitude,
    Guid? CounterpartId, string? Code, CounterpartKind? Kind, int Agreements, int Projects, int Missions)
{
    public int Relations => Agreements + Projects + Missions;

    /// <summary>What the place's circle is sized by: its relations of the kind shown (a counterpart counts at least once).</summary>
    public int Of(MapKind kind) => kind switch
    {
        MapKind.Agreements => Agreements,
        MapKind.Projects => Projects,
        MapKind.Missions => Missions,
        MapKind.Memberships => 0,
        _ => CounterpartId is null ? 0 : Math.Max(1, Relations),
    };
}

/// <summary>A network membership, listed apart: networks are not places, their seat's country is shown.</summary>
public sealed record MapMembership(Guid NetworkId, string Network, string? Country, string CountryName, DateOnly? Since, DateOnly? Until);

public sealed record MapData(MapQuery Query, IReadOnlyList<CountryCount> Countries, IReadOnlyList<MapPlace> Places, IReadOnlyList<MapMembership> Memberships);

/// <summary>
/// Counts the organization's relations by country and by place, one query per kind (grouped in the database where
/// the grouping is by one column; pairs of ids otherwise), in the current organization only.
/// Counterparts count by their country (headquarters for organizations); agreements by the countries of their
/// parties; memberships by their network's seat; projects by their recipient countries; missions by where they took
/// place, except inbound visits and hosted events, which count for the countries of the counterparts that came.
/// The period keeps what overlaps it (agreements from signature or effect to end or expiry, memberships, projects'
/// actual or planned dates, missions); counterparts have no period.
/// </summary>
public sealed class MapService(NodalDbContext db)
{
    public async Task<MapData> LoadAsync(MapQuery query, string language, CancellationToken ct)
    {
        var from = query.FromDate;
        var to = query.ToDate;
        var dated = query.HasPeriod;

        // Every counterpart's country and place (what agreements and missions point to), in one read.
        var all = await db.Counterparts.AsNoTracking()
            .Select(c => new { c.Id, c.Code, c.Name, c.Kind, c.Country, c.Latitude, c.Longitude }).ToListAsync(ct);
        var counterpart = all.ToDictionary(c => c.Id);
        var placed = all.Where(c => c.Latitude != null && c.Longitude != null).ToList();

        // Agreements: one row per agreement and party.
        var agreements = db.Agreements.AsNoTracking();
        if (query.Status is { } status) agreements = agreements.Where(a => a.Status == status);
        if (dated)
            agreements = agreements.Where(a => (a.EffectiveFrom ?? a.SignedOn) != null
                && (to == null || (a.EffectiveFrom ?? a.SignedOn) <= to)
                && (from == null || (a.EndedOn ?? a.ExpiresOn) == null || (a.EndedOn ?? a.ExpiresOn) >= from));
        // (SQLite cannot join a JSON array to its row, so the parties come as lists and are flattened here.)
        var parties = (await agreements.Select(a => new { a.Id, a.PartyIds }).ToListAsync(ct))
            .SelectMany(a => a.PartyIds.Distinct().Where(counterpart.ContainsKey).Select(id => new { AgreementId = a.Id, CounterpartId = id, counterpart[id].Country }))
            .ToList();

        // Memberships with their network's seat.
        var memberships = db.NetworkMemberships.AsNoTracking();
        if (dated)
            memberships = memberships.Where(m => (to == null || m.Since == null || m.Since <= to) && (from == null || m.Until == null || m.Until >= from));
        var members = await (from m in memberships
                             join n in db.Counterparts on m.NetworkId equals n.Id
                             orderby n.Name
                             select new { m.NetworkId, n.Name, n.Acronym, n.Country, m.Since, m.Until }).ToListAsync(ct);

        // Projects: their recipient countries; partners per counterpart, grouped in the database.
        var projects = db.Projects.AsNoTracking();
        if (dated)
            projects = projects.Where(p => (p.ActualStart ?? p.PlannedStart) != null
                && (to == null || (p.ActualStart ?? p.PlannedStart) <= to)
                && (from == null || (p.ActualEnd ?? p.PlannedEnd) == null || (p.ActualEnd ?? p.PlannedEnd) >= from));
        var projectCountries = (await projects.Select(p => p.Countries).ToListAsync(ct))
            .SelectMany(list => list.Select(c => c.ToUpperInvariant()).Distinct())
            .GroupBy(c => c).Select(g => new { Country = g.Key, Count = g.Count() }).ToList();
        var projectPartners = await (from x in db.ProjectPartners.AsNoTracking()
                                     join p in projects on x.ProjectId equals p.Id
                                     where x.CounterpartId != null
                                     select new { x.ProjectId, CounterpartId = x.CounterpartId!.Value }).Distinct()
            .GroupBy(x => x.CounterpartId).Select(g => new { CounterpartId = g.Key, Count = g.Count() }).ToListAsync(ct);

        // Missions, with the counterparts each met or received.
        var missions = db.Missions.AsNoTracking();
        if (dated) missions = missions.Where(m => (to == null || m.Start <= to) && (from == null || m.End >= from));
        var missionRows = await missions.Select(m => new { m.Id, m.Kind, m.City, m.Country, m.Latitude, m.Longitude, m.CounterpartIds }).ToListAsync(ct);
        var missionParties = missionRows.SelectMany(m => m.CounterpartIds.Distinct().Where(counterpart.ContainsKey).Select(id => counterpart[id])
                .Select(c => new { MissionId = m.Id, CounterpartId = c.Id, c.Country, Placed = c.Latitude != null && c.Longitude != null }))
            .ToList();

        // ── By country ──
        var byCountry = new Dictionary<string, int[]>(StringComparer.OrdinalIgnoreCase);
        void Count(string? country, MapKind kind, int n = 1)
        {
            if (string.IsNullOrWhiteSpace(country) || n == 0) return;
            if (!byCountry.TryGetValue(country, out var counts)) byCountry[country] = counts = new int[5];
            counts[(int)kind] += n;
        }
        foreach (var c in all) Count(c.Country?.ToUpperInvariant(), MapKind.Counterparts);
        foreach (var g in parties.Where(p => p.Country != null).Select(p => (p.AgreementId, Country: p.Country!.ToUpperInvariant())).Distinct())
            Count(g.Country, MapKind.Agreements);
        foreach (var m in members) Count(m.Country, MapKind.Memberships);
        foreach (var p in projectCountries) Count(p.Country, MapKind.Projects, p.Count);
        var partiesOf = missionParties.ToLookup(p => p.MissionId);
        foreach (var m in missionRows)
        {
            var visitors = m.Kind is MissionKind.InboundVisit or MissionKind.HostedEvent
                ? partiesOf[m.Id].Select(p => p.Country).Where(c => c != null).Select(c => c!.ToUpperInvariant()).Distinct().ToList()
                : [];
            if (visitors.Count > 0) foreach (var c in visitors) Count(c, MapKind.Missions);
            else Count(m.Country?.ToUpperInvariant(), MapKind.Missions);
        }
        var countries = byCountry
            .Select(kv => new CountryCount(kv.Key.ToUpperInvariant(), Countries.Name(kv.Key.ToUpperInvariant(), language), kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3], kv.Value[4]))
            .OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true))
            .ToList();

        // ── By place ──
        var agreementsOf = parties.GroupBy(p => p.CounterpartId).ToDictionary(g => g.Key, g => g.Count());
        var projectsOf = projectPartners.ToDictionary(p => p.CounterpartId, p => p.Count);
        var missionsOf = missionParties.Where(p => p.Placed).GroupBy(p => p.CounterpartId).ToDictionary(g => g.Key, g => g.Count());
        var places = placed.Select(c => new MapPlace(c.Name, c.Country ?? "", Countries.Name(c.Country, language), c.Latitude!.Value, c.Longitude!.Value, c.Id, c.Code, c.Kind,
            agreementsOf.GetValueOrDefault(c.Id), projectsOf.GetValueOrDefault(c.Id), missionsOf.GetValueOrDefault(c.Id))).ToList();
        // Missions that met no placed counterpart stand at their own place, one point per city.
        var placedMissions = missionParties.Where(p => p.Placed).Select(p => p.MissionId).ToHashSet();
        places.AddRange(missionRows
            .Where(m => !placedMissions.Contains(m.Id) && m.Latitude != null && m.Longitude != null)
            .GroupBy(m => (City: (m.City ?? "").Trim(), Country: (m.Country ?? "").ToUpperInvariant()))
            .Select(g => new MapPlace(g.Key.City, g.Key.Country, Countries.Name(g.Key.Country, language), g.First().Latitude!.Value, g.First().Longitude!.Value,
                null, null, null, 0, 0, g.Count())));
        places = places.OrderBy(p => p.CountryName, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

        var networkList = members.Select(m => new MapMembership(m.NetworkId, m.Acronym is { Length: > 0 } a && a != m.Name ? $"{m.Name} ({a})" : m.Name,
            m.Country, Countries.Name(m.Country, language), m.Since, m.Until)).ToList();
        return new MapData(query, countries, places, networkList);
    }

    /// <summary>The GeoJSON features' source: every counterpart with coordinates and its agreements (any status, any date).</summary>
    public async Task<IReadOnlyList<MapPlace>> PartnersAsync(string language, CancellationToken ct)
    {
        var data = await LoadAsync(new MapQuery(), language, ct);
        return data.Places.Where(p => p.CounterpartId is not null).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
    }
}

/// <summary>Five classes for a choropleth: one per value up to 5, else bounds growing geometrically to the maximum.</summary>
public static class MapClasses
{
    public const int Count = 5;

    /// <summary>The upper bound of each class (inclusive), increasing; fewer than five when the maximum is small.</summary>
    public static IReadOnlyList<int> Bounds(int max)
    {
        if (max <= 0) return [];
        if (max <= Count) return Enumerable.Range(1, max).ToList();
        var bounds = new List<int>();
        for (var k = 1; k <= Count; k++)
        {
            var b = k == Count ? max : (int)Math.Round(Math.Pow(max, (double)k / Count));
            if (bounds.Count > 0 && b <= bounds[^1]) b = bounds[^1] + 1;
            if (b > max) break;
            bounds.Add(b);
        }
        if (bounds[^1] != max) bounds[^1] = max;
        return bounds;
    }

    /// <summary>The class (1…) of a value, or 0 for none.</summary>
    public static int Of(int value, IReadOnlyList<int> bounds)
    {
        if (value <= 0) return 0;
        for (var i = 0; i < bounds.Count; i++)
            if (value <= bounds[i]) return i + 1;
        return bounds.Count;
    }
}
