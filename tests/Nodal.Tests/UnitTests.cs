using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Auditing;
using Nodal.Core.Organizations;
using Nodal.Data;

namespace Nodal.Tests;

public sealed class LocalizedTextTests
{
    [Theory]
    [InlineData("fr", "es", "Jeunesse")]
    [InlineData("fr-CA", "es", "Jeunesse")]
    [InlineData("de", "es", "Youth")] // unsupported languages read English
    public void Reads_the_requested_language_when_present(string language, string fallback, string expected) =>
        Assert.Equal(expected, new LocalizedText("Juventud", "Youth", "Jeunesse").Get(language, fallback));

    [Fact]
    public void Falls_back_to_the_organizations_language_then_to_any()
    {
        var onlySpanish = new LocalizedText("Juventud", null, "  ");
        Assert.Equal("Juventud", onlySpanish.Get("fr", "es"));
        Assert.Equal("Juventud", onlySpanish.Get("en", "fr")); // fallback empty too: the first language with a value
        Assert.Equal("", new LocalizedText().Get("en", "es"));
    }
}

public sealed class PermissionTests
{
    [Theory]
    [InlineData(OrgRole.Administrator, "Read ReadHistory ManageOrganization ManageMembers ManageDepartments EditOwnDepartment ManageOffice ManageTrash ManagePlans EditActions ManageRelations LogRelations ReadContacts ManageMonitoring EnterMeasurements ValidateMeasurements")]
    [InlineData(OrgRole.Coordinator, "Read ReadHistory ManageDepartments EditOwnDepartment ManageOffice ManageTrash ManagePlans EditActions ManageRelations LogRelations ReadContacts ManageMonitoring EnterMeasurements ValidateMeasurements")]
    [InlineData(OrgRole.FocalPoint, "Read ReadHistory EditOwnDepartment EditActions LogRelations ReadContacts EnterMeasurements")]
    [InlineData(OrgRole.Contributor, "Read")]
    [InlineData(OrgRole.Viewer, "Read ReadHistory")]
    public void Each_role_grants_exactly_its_capabilities(OrgRole role, string expected) =>
        Assert.Equal(expected, string.Join(' ', Enum.GetValues<Capability>().Where(c => role.Grants(c))));

    [Fact]
    public void A_focal_point_edits_only_their_department()
    {
        var own = Guid.NewGuid();
        Assert.True(Permissions.CanEditDepartment(OrgRole.FocalPoint, own, own));
        Assert.False(Permissions.CanEditDepartment(OrgRole.FocalPoint, own, Guid.NewGuid()));
        Assert.False(Permissions.CanEditDepartment(OrgRole.FocalPoint, null, own));
        Assert.True(Permissions.CanEditDepartment(OrgRole.Coordinator, null, own));
        Assert.False(Permissions.CanEditDepartment(OrgRole.Viewer, own, own));
    }
}

/// <summary>The tenant boundary and the audit trail, below every page: at the database context.</summary>
public sealed class DataLayerTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"nodal-unit-{Guid.NewGuid():N}.db");
    private readonly Guid _orgA = Guid.CreateVersion7();
    private readonly Guid _orgB = Guid.CreateVersion7();
    private Guid _deptB;

    private NodalDbContext Context(Action<TenantContext> enter)
    {
        var tenant = new TenantContext();
        enter(tenant);
        var options = new DbContextOptionsBuilder<NodalDbContext>()
            .UseSqlite($"Data Source={_file}", x => x.MigrationsAssembly("Nodal.Data.Sqlite")).Options;
        return new NodalDbContext(options, tenant, TimeProvider.System);
    }

    private NodalDbContext AsMemberOf(Guid org) => Context(t =>
    {
        t.SetUser(Guid.NewGuid(), "tester@example.org");
        t.Enter(org, org == _orgA ? "a" : "b", OrgRole.Coordinator, null, "es", new LocalizedText("A", "A", "A"));
    });

    public async Task InitializeAsync()
    {
        await using var db = Context(t => t.EnterAsSystem());
        await db.Database.MigrateAsync();
        db.Organizations.AddRange(
            new Organization { Id = _orgA, Slug = "a", Name = new LocalizedText("A", null, null), Country = "ES" },
            new Organization { Id = _orgB, Slug = "b", Name = new LocalizedText("B", null, null), Country = "FR" });
        var deptB = new Department { OrganizationId = _orgB, Code = "SECRET", Name = new LocalizedText("Secreto", null, null) };
        db.Departments.AddRange(new Department { OrganizationId = _orgA, Code = "MOB", Name = new LocalizedText("Movilidad", null, null) }, deptB);
        await db.SaveChangesAsync();
        _deptB = deptB.Id;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Queries_see_only_the_current_organization()
    {
        await using var db = AsMemberOf(_orgA);
        Assert.Equal(["MOB"], await db.Departments.Select(d => d.Code).ToListAsync());
        Assert.Null(await db.Departments.FirstOrDefaultAsync(d => d.Id == _deptB));
        Assert.Empty(await db.AuditEntries.Where(a => a.EntityId == _deptB).ToListAsync());
    }

    [Fact]
    public async Task Writing_another_organizations_record_is_refused_and_nothing_is_saved()
    {
        await using (var db = AsMemberOf(_orgA))
        {
            db.Departments.Add(new Department { OrganizationId = _orgB, Code = "PLANTED", Name = new LocalizedText("X", null, null) });
            await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        }
        await using (var db = AsMemberOf(_orgA))
        {
            var foreign = await db.Departments.IgnoreQueryFilters().SingleAsync(d => d.Id == _deptB);
            foreign.Code = "STOLEN";
            await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        }
        await using (var db = AsMemberOf(_orgA))
        {
            var own = await db.Departments.SingleAsync();
            own.OrganizationId = _orgB;
            await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        }
        await using var check = Context(t => t.EnterAsSystem());
        Assert.Equal(["MOB", "SECRET"], await check.Departments.IgnoreQueryFilters().Select(d => d.Code).OrderBy(c => c).ToListAsync());
    }

    [Fact]
    public async Task A_change_is_audited_with_who_when_before_and_after_and_deletion_is_reversible()
    {
        await using (var db = AsMemberOf(_orgA))
        {
            var mob = await db.Departments.SingleAsync();
            mob.Name.Es = "Movilidad Sostenible";
            mob.Email = "mob@a.example";
            await db.SaveChangesAsync();
            Assert.Equal(1, mob.Version);
            db.Departments.Remove(mob);
            await db.SaveChangesAsync();
        }
        await using var read = AsMemberOf(_orgA);
        Assert.Empty(await read.Departments.ToListAsync());
        var deleted = await read.Deleted<Department>().SingleAsync();
        Assert.Equal("tester@example.org", deleted.DeletedBy);
        var trail = await read.AuditEntries.Where(a => a.EntityId == deleted.Id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Deleted], trail.Select(a => a.Action).ToArray());
        var update = trail[1];
        Assert.Equal("tester@example.org", update.UserName);
        Assert.Contains("\"Name.Es\":[\"Movilidad\",\"Movilidad Sostenible\"]", update.Changes);
        Assert.Contains("\"Email\":[null,\"mob@a.example\"]", update.Changes);
        Assert.DoesNotContain("Version", update.Changes);
    }

    [Fact]
    public async Task A_save_over_a_stale_version_is_refused()
    {
        await using var first = AsMemberOf(_orgA);
        await using var second = AsMemberOf(_orgA);
        var a = await first.Departments.SingleAsync();
        var b = await second.Departments.SingleAsync();
        a.Email = "first@a.example";
        await first.SaveChangesAsync();
        b.Email = "second@a.example";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Token_secrets_never_reach_the_audit_trail()
    {
        await using var db = AsMemberOf(_orgA);
        db.ApiTokens.Add(new ApiToken { UserId = Guid.NewGuid(), Name = "export", Prefix = "nodal_abc", Hash = "deadbeef" });
        await db.SaveChangesAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(ApiToken));
        Assert.Contains("export", entry.Changes);
        Assert.DoesNotContain("deadbeef", entry.Changes);
    }
}

public sealed class MoneyTests
{
    [Theory]
    [InlineData("es", 8_900_000, "EUR", "8.900.000 EUR")]
    [InlineData("en", 8_900_000, "EUR", "EUR 8,900,000")]
    [InlineData("fr", 8_900_000, "EUR", "8\u202F900\u202F000 EUR")]
    [InlineData("en", 1234.5, "USD", "USD 1,234.50")]
    [InlineData("es", 1234.5, "USD", "1.234,50 USD")]
    [InlineData("fr", 0.125, "KWD", "0,125 KWD")]
    [InlineData("en", 1500.4, "JPY", "JPY 1,500")]
    [InlineData("en", -250, "GBP", "-GBP 250")]
    [InlineData("es", -250, "GBP", "-250 GBP")]
    public void Amounts_are_written_as_the_readers_language_writes_money_with_the_currency_code(string language, decimal amount, string currency, string expected)
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(language);
        try
        {
            Assert.Equal(expected, Nodal.Web.Infrastructure.Money.Format(amount, currency));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }
}

public sealed class FieldNameTests
{
    [Theory]
    [InlineData("LeadDepartmentId", "Lead department")]
    [InlineData("InvolvedDepartmentIds", "Involved departments")]
    [InlineData("Staff", "Staff")]
    [InlineData("DormancyMonths", "Dormancy months")]
    [InlineData("IatiType", "Iati type")]
    [InlineData("SDGTargets", "SDG targets")]
    public void A_stored_field_reads_as_words(string field, string expected) =>
        Assert.Equal(expected, Nodal.Web.Features.History.FieldNames.Humanize(field));
}
