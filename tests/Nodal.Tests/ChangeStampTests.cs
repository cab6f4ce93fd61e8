using Microsoft.EntityFrameworkCore;
using Nodal.Core.Monitoring;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>
/// The change stamps the caches check: a save of a monitoring or policy record moves its organization's stamp
/// (and only that organization's), a save of anything else does not, and a deletion to the Trash counts.
/// </summary>
public abstract class ChangeStampTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Saves_move_their_organization_s_stamp_and_nothing_else_does()
    {
        var solmar = await app.OrgIdAsync(Seeder.DemoSlug);
        var costa = await app.OrgIdAsync(Seeder.SecondDemoSlug);
        Task<string> Stamps(Guid org) => app.WithDbAsync(db => db.StampsAsync(), org);
        var (s0, c0) = (await Stamps(solmar), await Stamps(costa));
        Assert.Contains("monitoring:", s0);   // the demo's seeding already counted

        // A measurement corrected: the monitoring stamp moves, Costa Alta's does not.
        var id = await app.WithDbAsync(async db =>
        {
            var m = await db.Measurements.OrderBy(x => x.Period).FirstAsync(x => x.Status == MeasurementStatus.Validated);
            m.Note = "corrección de prueba";
            await db.SaveChangesAsync();
            return m.Id;
        }, solmar);
        var s1 = await Stamps(solmar);
        Assert.NotEqual(s0, s1);
        Assert.Equal(c0, await Stamps(costa));

        // A counterpart's change is not the dashboards' business.
        await app.WithDbAsync(async db => { (await db.Counterparts.FirstAsync()).Website = "https://example.org/x"; return await db.SaveChangesAsync(); }, solmar);
        Assert.Equal(s1, await Stamps(solmar));

        // An action's budget line, and a measurement sent to the Trash, move it again.
        await app.WithDbAsync(async db => { (await db.Budgets.FirstAsync()).Spent += 1; return await db.SaveChangesAsync(); }, solmar);
        var s2 = await Stamps(solmar);
        Assert.NotEqual(s1, s2);
        await app.WithDbAsync(async db => { db.Measurements.Remove(await db.Measurements.SingleAsync(x => x.Id == id)); return await db.SaveChangesAsync(); }, solmar);
        Assert.NotEqual(s2, await Stamps(solmar));
        await app.WithDbAsync(async db =>
        {
            var m = await db.Deleted<Measurement>().SingleAsync(x => x.Id == id);
            m.DeletedAt = null; m.DeletedBy = null;
            return await db.SaveChangesAsync();
        }, solmar);
    }
}

public sealed class ChangeStampTestsOnSqlite(SqliteApp app) : ChangeStampTests<SqliteApp>(app);
public sealed class ChangeStampTestsOnPostgres(PostgresApp app) : ChangeStampTests<PostgresApp>(app);
