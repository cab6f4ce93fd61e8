using System.Net;
using Microsoft.EntityFrameworkCore;
using Nodal.Core.Monitoring;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>A measurement in the Trash comes back only to an empty slot: one live measurement per indicator and period.</summary>
public abstract class TrashRestoreTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task A_deleted_measurement_is_not_restored_over_its_replacement()
    {
        var orgId = await app.OrgIdAsync(Seeder.DemoSlug);
        var (oldId, newId) = await app.WithDbAsync(async db =>
        {
            var indicator = await db.Indicators.SingleAsync(i => i.Code == "I-013");
            var old = await db.Measurements.Where(m => m.IndicatorId == indicator.Id).OrderBy(m => m.Period).FirstAsync();
            db.Measurements.Remove(old);   // to the Trash
            await db.SaveChangesAsync();
            var replacement = new Measurement { OrganizationId = orgId, IndicatorId = indicator.Id, Period = old.Period, Value = 80, Status = MeasurementStatus.Draft };
            db.Measurements.Add(replacement);
            await db.SaveChangesAsync();
            return (old.Id, replacement.Id);
        }, orgId);

        var api = await app.ApiClientAsync("ana.coordinadora@solmar.example", language: "es");
        var refused = await api.PostAsync($"/api/v1/trash/Measurement/{oldId}/restore", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("otro registro ocupa su lugar", await refused.Content.ReadAsStringAsync());

        // Once the replacement goes to the Trash, the first one comes back with its value (78 + 7 × 0.98 = 84.86 → 84.9).
        await app.WithDbAsync(async db => { db.Measurements.Remove(await db.Measurements.SingleAsync(m => m.Id == newId)); return await db.SaveChangesAsync(); }, orgId);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/trash/Measurement/{oldId}/restore", null)).StatusCode);
        Assert.Equal(84.9m, await app.WithDbAsync(db => db.Measurements.Where(m => m.Id == oldId).Select(m => m.Value).SingleAsync(), orgId));
    }
}

public sealed class TrashRestoreTestsOnSqlite(SqliteApp app) : TrashRestoreTests<SqliteApp>(app);
public sealed class TrashRestoreTestsOnPostgres(PostgresApp app) : TrashRestoreTests<PostgresApp>(app);
