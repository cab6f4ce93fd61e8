using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Organizations;
using Nodal.Core.Policy;
using Nodal.Core.Reference;
using Nodal.Core.Relations;
using Nodal.Web.Features.Organizations;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>
/// The demo's relations registry as the test host seeds it: enough of every kind for the map and the calendar,
/// an agreement life cycle read as of <see cref="DemoPlan.AsOf"/> (one dormant twinning, two expiries close by),
/// consistent references, and nothing on Costa Alta's side.
/// </summary>
public abstract class DemoRelationsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static DateOnly AsOf => DemoPlan.AsOf;

    private sealed record Data(
        List<Counterpart> Counterparts, List<Contact> Contacts, List<Agreement> Agreements, List<LedgerEntry> Ledger,
        List<NetworkMembership> Memberships, List<NetworkRoleHeld> Roles, List<MembershipReport> Reports, List<Alliance> Alliances,
        List<CooperationProject> Projects, List<ProjectPartner> Partners, List<ProjectTransaction> Transactions, List<Mission> Missions,
        List<PolicyAction> Actions, Organization Organization);

    private Task<Data> LoadAsync(Guid orgId) => app.WithDbAsync(async db => new Data(
        await db.Counterparts.ToListAsync(), await db.Contacts.ToListAsync(), await db.Agreements.ToListAsync(), await db.LedgerEntries.ToListAsync(),
        await db.NetworkMemberships.ToListAsync(), await db.NetworkRoles.ToListAsync(), await db.MembershipReports.ToListAsync(), await db.Alliances.ToListAsync(),
        await db.Projects.ToListAsync(), await db.ProjectPartners.ToListAsync(), await db.ProjectTransactions.ToListAsync(), await db.Missions.ToListAsync(),
        await db.Actions.ToListAsync(), await db.Organizations.SingleAsync(o => o.Id == orgId)), orgId);

    private async Task<Data> SolmarAsync() => await LoadAsync(await app.OrgIdAsync(Seeder.DemoSlug));

    [Fact]
    public async Task Solmar_has_counterparts_of_every_kind_that_matters_placed_on_every_continent()
    {
        var d = await SolmarAsync();
        Assert.Equal(33, d.Counterparts.Count);
        Assert.Equal(33, d.Counterparts.Select(c => c.Code).Distinct().Count());
        var kinds = d.Counterparts.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(18, kinds[CounterpartKind.City]);
        Assert.Equal(2, kinds[CounterpartKind.LocalGovernment]);
        Assert.Equal(6, kinds[CounterpartKind.CityNetwork]);
        Assert.Equal(3, kinds[CounterpartKind.InternationalOrganization]);
        Assert.Equal(1, kinds[CounterpartKind.CooperationAgency]);
        Assert.Equal(1, kinds[CounterpartKind.EmbassyOrConsulate]);
        Assert.Equal(1, kinds[CounterpartKind.Foundation]);
        Assert.Equal(1, kinds[CounterpartKind.Company]);
        Assert.Equal(["c40", "eurocities", "iclei", "mercociudades", "metropolis", "uclg"],
            d.Counterparts.Where(c => c.Kind == CounterpartKind.CityNetwork).Select(c => c.NetworkCode!).Order());
        Assert.All(d.Counterparts, c => Assert.True(Countries.Exists(c.Country!), c.Country));

        // Every place has coordinates on the globe; the cities span the six inhabited continents.
        var places = d.Counterparts.Where(c => c.Kind is CounterpartKind.City or CounterpartKind.LocalGovernment).ToList();
        Assert.All(places, c => { Assert.InRange(c.Latitude!.Value, -90, 90); Assert.InRange(c.Longitude!.Value, -180, 180); });
        Assert.All(d.Counterparts.Except(places), c => Assert.Null(c.Latitude));
        // Placed from the gazetteer, as the counterpart form does.
        Assert.All(places, c => Assert.Equal(c.Country, Gazetteer.Find(c.GazetteerId!.Value)!.Country));
        var genoa = Assert.Single(places, c => c.Name == "Comune di Genova");
        Assert.Equal((44.4, 8.9), (Math.Round(genoa.Latitude!.Value, 1), Math.Round(genoa.Longitude!.Value, 1)));
        foreach (var country in new[] { "IT", "MA", "SN", "AR", "MX", "JP", "AU" })
            Assert.Contains(places, c => c.Country == country);

        Assert.Equal(6, d.Contacts.Count);
        Assert.All(d.Contacts, c => Assert.Contains(d.Counterparts, p => p.Id == c.CounterpartId));
        Assert.Equal(DemoRelations.SolmarIatiId, d.Organization.IatiOrganisationId);
    }

    [Fact]
    public async Task Agreements_cover_the_life_cycle_as_of_the_demo_day()
    {
        var d = await SolmarAsync();
        Assert.Equal(12, d.Agreements.Count);
        var byStatus = d.Agreements.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(7, byStatus[AgreementStatus.Active]);
        Assert.Equal(1, byStatus[AgreementStatus.Renewed]);
        Assert.Equal(1, byStatus[AgreementStatus.Terminated]);
        Assert.Equal(1, byStatus[AgreementStatus.Expired]);
        Assert.Equal(1, byStatus[AgreementStatus.Signed]);
        Assert.Equal(1, byStatus[AgreementStatus.LegalReview]);
        Assert.All(d.Agreements.SelectMany(a => a.PartyIds), id => Assert.Contains(d.Counterparts, c => c.Id == id));

        // The renewal points to the agreement it replaces, which ended the day before it was signed.
        var renewed = Assert.Single(d.Agreements, a => a.Status == AgreementStatus.Renewed);
        var renewal = Assert.Single(d.Agreements, a => a.RenewsId == renewed.Id);
        Assert.Equal(AgreementStatus.Active, renewal.Status);
        Assert.Equal(renewed.EndedOn, renewal.SignedOn);
        Assert.NotNull(Assert.Single(d.Agreements, a => a.Status == AgreementStatus.Terminated).EndedOn);

        // Expiries among active agreements within 90 days: one in 20 days, one in 60.
        var soon = d.Agreements.Where(a => a.Status == AgreementStatus.Active && a.ExpiresOn is { } e && e >= AsOf && e <= AsOf.AddDays(90))
            .Select(a => a.ExpiresOn!.Value.DayNumber - AsOf.DayNumber).Order().ToList();
        Assert.Equal([20, 60], soon);

        // Last activity of each active agreement: its ledger and the missions carried out under it.
        DateOnly? LastActivity(Agreement a) => d.Ledger.Where(l => l.AgreementId == a.Id).Select(l => (DateOnly?)l.On)
            .Concat(d.Missions.Where(m => m.AgreementId == a.Id && m.Start <= AsOf).Select(m => (DateOnly?)m.Start)).Max();
        var dormancy = AsOf.AddMonths(-d.Organization.DormancyMonths);
        var dormant = d.Agreements.Where(a => a.Status == AgreementStatus.Active && a.SignedOn < dormancy && !(LastActivity(a) >= dormancy)).ToList();
        var twinning = Assert.Single(dormant);
        Assert.Equal(AgreementKind.Twinning, twinning.Kind);
        Assert.True(LastActivity(twinning) < AsOf.AddYears(-3), "no activity for three years");
        // Every other active agreement had activity in the last twelve months.
        Assert.All(d.Agreements.Where(a => a.Status == AgreementStatus.Active && a != twinning), a => Assert.True(LastActivity(a) >= AsOf.AddMonths(-12), a.Code));
        // No linked action counts as activity for the dormant twinning either.
        Assert.DoesNotContain(d.Actions, a => a.AgreementIds.Contains(twinning.Id));
    }

    [Fact]
    public async Task Memberships_alliances_projects_and_missions_are_there_and_consistent()
    {
        var d = await SolmarAsync();
        Assert.Equal(5, d.Memberships.Count);
        Assert.All(d.Memberships, m => Assert.Equal(CounterpartKind.CityNetwork, d.Counterparts.Single(c => c.Id == m.NetworkId).Kind));
        Assert.Contains(d.Roles, r => r.Role == NetworkRole.Board);
        Assert.Contains(d.Roles, r => r.Role == NetworkRole.VicePresidency);
        var open = d.Reports.Where(r => r.SubmittedOn is null).ToList();
        Assert.Single(open, r => r.Due < AsOf);
        var next = Assert.Single(open, r => r.Due > AsOf);
        Assert.Equal((AsOf.AddMonths(1).Year, AsOf.AddMonths(1).Month), (next.Due.Year, next.Due.Month));

        Assert.Equal(2, d.Alliances.Count);
        Assert.Contains(d.Alliances, a => a.Title.En == "Cities for Adequate Housing" && a.FollowUpActionIds.Count == 2);

        Assert.Equal(6, d.Projects.Count);
        Assert.Equal([CooperationKind.Decentralized, CooperationKind.SouthSouth, CooperationKind.Triangular], d.Projects.Select(p => p.Kind).Distinct().Order());
        foreach (var sector in new[] { "15112", "14030", "25010", "41010", "43030" })
            Assert.Contains(d.Projects, p => p.Sectors.Contains(sector));
        Assert.All(d.Projects, p => Assert.Contains(d.Partners, x => x.ProjectId == p.Id && x.Role == PartnerRole.Implementing));
        Assert.All(d.Projects.Where(p => p.Status != ProjectStatus.Pipeline), p =>
        {
            var money = d.Transactions.Where(t => t.ProjectId == p.Id).ToList();
            Assert.Contains(money, t => t.Kind == TransactionKind.Commitment);
            Assert.True(money.Where(t => t.Kind is TransactionKind.Disbursement or TransactionKind.Expenditure).Sum(t => t.Amount) <= p.Budget, p.Code);
        });

        Assert.Equal(13, d.Missions.Count);
        Assert.Equal(3, d.Missions.Count(m => m.Status == MissionStatus.Planned && m.Start > AsOf && m.Start <= AsOf.AddMonths(3)));
        var congress = Assert.Single(d.Missions, m => m.Kind == MissionKind.HostedEvent && m.Attendance == 1_200);
        Assert.Equal(2_300_000m, congress.EconomicImpact);
        Assert.True(d.Missions.Count(m => m.Status == MissionStatus.Done && m.AgreementId is not null) >= 4);
        Assert.All(d.Missions.SelectMany(m => m.CounterpartIds), id => Assert.Contains(d.Counterparts, c => c.Id == id));

        var linked = d.Actions.Where(a => a.CounterpartIds.Count + a.AgreementIds.Count + a.ProjectIds.Count > 0).ToList();
        Assert.Equal(17, linked.Count);
        Assert.Contains(linked, a => a.Code == "A-008" && a.ProjectIds.Count == 1 && a.AgreementIds.Count == 1);
        Assert.All(linked.SelectMany(a => a.ProjectIds), id => Assert.Contains(d.Projects, p => p.Id == id));
    }

    [Fact]
    public async Task Costa_Alta_has_no_relations()
    {
        var d = await LoadAsync(await app.OrgIdAsync(Seeder.SecondDemoSlug));
        Assert.Empty(d.Counterparts);
        Assert.Empty(d.Agreements);
        Assert.Empty(d.Missions);
        Assert.Null(d.Organization.IatiOrganisationId);
    }
}

public sealed class DemoRelationsTestsOnSqlite(SqliteApp app) : DemoRelationsTests<SqliteApp>(app);
public sealed class DemoRelationsTestsOnPostgres(PostgresApp app) : DemoRelationsTests<PostgresApp>(app);
