using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Auditing;
using Nodal.Core.Organizations;
using Nodal.Core.Policy;

namespace Nodal.Data;

public class NodalDbContext(DbContextOptions<NodalDbContext> options, TenantContext tenant, TimeProvider clock)
    : IdentityDbContext<NodalUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const string TenantFilter = "Tenant";
    public const string SoftDeleteFilter = "SoftDelete";

    public TenantContext Tenant { get; } = tenant;

    /// <summary>Read by the query filters at query time (EF parameterizes context members).</summary>
    internal Guid CurrentOrganizationId => Tenant.OrganizationId ?? Guid.Empty;

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<OfficeUnit> OfficeUnits => Set<OfficeUnit>();
    public DbSet<OfficeYear> OfficeYears => Set<OfficeYear>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<StrategicPlan> Plans => Set<StrategicPlan>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<AnalysisItem> AnalysisItems => Set<AnalysisItem>();
    public DbSet<Axis> Axes => Set<Axis>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<PolicyAction> Actions => Set<PolicyAction>();
    public DbSet<ActionMilestone> Milestones => Set<ActionMilestone>();
    public DbSet<ActionBudget> Budgets => Set<ActionBudget>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<Organization>(e =>
        {
            e.HasIndex(o => o.Slug).IsUnique();
            e.Property(o => o.Slug).HasMaxLength(64);
            e.ComplexProperty(o => o.Name, Localized(300));
            e.Property(o => o.Country).HasMaxLength(2);
            e.Property(o => o.WorkingLanguages).HasMaxLength(20);
            e.Property(o => o.DefaultLanguage).HasMaxLength(2);
            e.Property(o => o.Currency).HasMaxLength(3);
            e.Property(o => o.Website).HasMaxLength(400);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.HasQueryFilter(SoftDeleteFilter, o => o.DeletedAt == null);
        });

        b.Entity<Department>(e =>
        {
            e.ComplexProperty(d => d.Name, Localized(200));
            e.Property(d => d.Code).HasMaxLength(20);
            e.Property(d => d.Email).HasMaxLength(256);
            e.HasIndex(d => new { d.OrganizationId, d.Code }).IsUnique();
        });

        b.Entity<OfficeUnit>(e =>
        {
            e.ComplexProperty(u => u.Name, Localized(200));
            e.ComplexProperty(u => u.Mission, Localized(2000));
            e.HasIndex(u => new { u.OrganizationId, u.SortOrder });
        });

        b.Entity<OfficeYear>(e =>
        {
            e.Property(y => y.Budget).HasPrecision(18, 2);
            e.Property(y => y.Currency).HasMaxLength(3);
            e.Property(y => y.Notes).HasMaxLength(2000);
            e.HasIndex(y => new { y.OrganizationId, y.Year }).IsUnique();
        });

        b.Entity<Membership>(e =>
        {
            e.HasIndex(m => new { m.OrganizationId, m.UserId }).IsUnique();
            e.HasIndex(m => m.UserId);
            e.HasOne<NodalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Department>().WithMany().HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        });

        b.Entity<ApiToken>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.Property(t => t.Hash).HasMaxLength(64);
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasIndex(t => new { t.OrganizationId, t.UserId });
        });

        ConfigurePolicy(b);

        b.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.Label).HasMaxLength(400);
            e.HasIndex(a => new { a.OrganizationId, a.EntityId, a.At });
            e.HasIndex(a => new { a.OrganizationId, a.At });
            e.HasQueryFilter(TenantFilter, a => a.OrganizationId == CurrentOrganizationId);
        });

        // Every tenant-owned record: filtered to the current organization, hidden once in the Trash,
        // versioned, and linked to its organization.
        foreach (var type in b.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(TenantEntity).IsAssignableFrom(t)).ToList())
        {
            ConfigureTenantEntityMethod.MakeGenericMethod(type).Invoke(this, [b]);
        }
    }

    private static readonly MethodInfo ConfigureTenantEntityMethod =
        typeof(NodalDbContext).GetMethod(nameof(ConfigureTenantEntity), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private void ConfigureTenantEntity<T>(ModelBuilder b) where T : TenantEntity
    {
        b.Entity<T>(e =>
        {
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.DeletedBy).HasMaxLength(256);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasQueryFilter(TenantFilter, x => x.OrganizationId == CurrentOrganizationId);
            e.HasQueryFilter(SoftDeleteFilter, x => x.DeletedAt == null);
        });
    }

    private static void ConfigurePolicy(ModelBuilder b)
    {
        b.Entity<StrategicPlan>(e =>
        {
            e.ToTable("Plans");
            e.ComplexProperty(p => p.Title, Localized(300));
            e.ComplexProperty(p => p.Vision, Localized(4000));
            e.ComplexProperty(p => p.CityModel, Localized(4000));
            e.Property(p => p.CityPlanName).HasMaxLength(300);
            e.Property(p => p.CityPlanUrl).HasMaxLength(400);
            e.Property(p => p.CityPlanObjectives).HasMaxLength(4000);
            e.Property(p => p.AdoptedBy).HasMaxLength(300);
            e.Property(p => p.AdoptionAct).HasMaxLength(300);
            e.HasIndex(p => new { p.OrganizationId, p.IsCurrent });
        });
        b.Entity<PlanVersion>(e =>
        {
            e.Property(v => v.AdoptedBy).HasMaxLength(300);
            e.Property(v => v.AdoptionAct).HasMaxLength(300);
            e.Property(v => v.FrozenBy).HasMaxLength(256);
            e.HasOne<StrategicPlan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(v => new { v.OrganizationId, v.PlanId, v.Number }).IsUnique();
        });
        b.Entity<AnalysisItem>(e =>
        {
            e.ComplexProperty(a => a.Statement, Localized(1000));
            e.HasOne<StrategicPlan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.OrganizationId, a.PlanId, a.SortOrder });
        });
        b.Entity<Axis>(e =>
        {
            e.ToTable("Axes");
            e.ComplexProperty(a => a.Name, Localized(200));
            e.ComplexProperty(a => a.Description, Localized(2000));
            e.HasOne<StrategicPlan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.OrganizationId, a.PlanId, a.Priority });
        });
        b.Entity<Objective>(e =>
        {
            e.Property(o => o.Code).HasMaxLength(20);
            e.ComplexProperty(o => o.Statement, Localized(1000));
            e.ComplexProperty(o => o.LegalBasis, Localized(1000));
            e.Property(o => o.CityPlanObjective).HasMaxLength(300);
            e.HasOne<StrategicPlan>().WithMany().HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Department>().WithMany().HasForeignKey(o => o.OwnerDepartmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(o => new { o.OrganizationId, o.PlanId, o.Code }).IsUnique();
        });
        b.Entity<PolicyAction>(e =>
        {
            e.ToTable("Actions");
            e.Property(a => a.Code).HasMaxLength(20);
            e.ComplexProperty(a => a.Title, Localized(300));
            e.ComplexProperty(a => a.Description, Localized(4000));
            e.ComplexProperty(a => a.Beneficiaries, Localized(1000));
            e.Property(a => a.RequestedBy).HasMaxLength(300);
            e.HasOne<StrategicPlan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Objective>().WithMany().HasForeignKey(a => a.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Department>().WithMany().HasForeignKey(a => a.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Department>().WithMany().HasForeignKey(a => a.RequestedByDepartmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.OrganizationId, a.Code }).IsUnique();
            e.HasIndex(a => new { a.OrganizationId, a.PlanId, a.Status });
            e.HasIndex(a => new { a.OrganizationId, a.ObjectiveId });
            e.HasIndex(a => new { a.OrganizationId, a.LeadDepartmentId });
        });
        b.Entity<ActionMilestone>(e =>
        {
            e.ToTable("ActionMilestones");
            e.ComplexProperty(m => m.Title, Localized(300));
            e.HasOne<PolicyAction>().WithMany().HasForeignKey(m => m.ActionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.OrganizationId, m.ActionId });
        });
        b.Entity<ActionBudget>(e =>
        {
            e.ToTable("ActionBudgets");
            e.Property(x => x.Planned).HasPrecision(18, 2);
            e.Property(x => x.Spent).HasPrecision(18, 2);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.HasOne<PolicyAction>().WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.OrganizationId, x.ActionId, x.Year });
        });
    }

    private static Action<Microsoft.EntityFrameworkCore.Metadata.Builders.ComplexPropertyBuilder<LocalizedText>> Localized(int maxLength) => c =>
    {
        c.Property(t => t.Es).HasMaxLength(maxLength);
        c.Property(t => t.En).HasMaxLength(maxLength);
        c.Property(t => t.Fr).HasMaxLength(maxLength);
    };

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AuditEntries.AddRange(AuditTrail.Prepare(this, clock.GetUtcNow().UtcDateTime));
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var audit = AuditTrail.Prepare(this, clock.GetUtcNow().UtcDateTime);
        AuditEntries.AddRange(audit);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Loads records in the Trash (deleted, still in this organization).</summary>
    public IQueryable<T> Deleted<T>() where T : TenantEntity =>
        Set<T>().IgnoreQueryFilters([SoftDeleteFilter]).Where(x => x.DeletedAt != null);

    /// <summary>Applies the version the user saw, so a save over a newer version fails.</summary>
    public void ExpectVersion<T>(T entity, long version) where T : class, IVersioned =>
        Entry(entity).Property(x => x.Version).OriginalValue = version;
}
