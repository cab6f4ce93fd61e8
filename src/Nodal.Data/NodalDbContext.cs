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
using Nodal.Core.Relations;
using Nodal.Core.Monitoring;

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
    public DbSet<Counterpart> Counterparts => Set<Counterpart>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementDocument> AgreementDocuments => Set<AgreementDocument>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<NetworkMembership> NetworkMemberships => Set<NetworkMembership>();
    public DbSet<NetworkRoleHeld> NetworkRoles => Set<NetworkRoleHeld>();
    public DbSet<MembershipReport> MembershipReports => Set<MembershipReport>();
    public DbSet<Alliance> Alliances => Set<Alliance>();
    public DbSet<CooperationProject> Projects => Set<CooperationProject>();
    public DbSet<ProjectPartner> ProjectPartners => Set<ProjectPartner>();
    public DbSet<ProjectTransaction> ProjectTransactions => Set<ProjectTransaction>();
    public DbSet<Mission> Missions => Set<Mission>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<Measurement> Measurements => Set<Measurement>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<Externality> Externalities => Set<Externality>();
    public DbSet<Mitigation> Mitigations => Set<Mitigation>();
    public DbSet<MaturityRecord> MaturityRecords => Set<MaturityRecord>();
    public DbSet<ChangeStamp> ChangeStamps => Set<ChangeStamp>();
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
            e.Property(o => o.IatiOrganisationId).HasMaxLength(100);
            e.Property(o => o.CalendarFeedSecret).HasMaxLength(64);
            e.HasIndex(o => o.CalendarFeedSecret).IsUnique();
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
        ConfigureRelations(b);
        ConfigureMonitoring(b);

        b.Entity<ChangeStamp>(e =>
        {
            e.HasKey(c => new { c.OrganizationId, c.Area });
            e.Property(c => c.Area).HasMaxLength(20);
        });
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
            // The Trash reads deleted records of every kind: a partial index holds only those (few), so it costs
            // nothing to live rows and spares the Trash a scan of each table (same syntax on SQLite and PostgreSQL).
            e.HasIndex(x => new { x.OrganizationId, x.DeletedAt }).HasFilter("\"DeletedAt\" IS NOT NULL");
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

    private static void ConfigureRelations(ModelBuilder b)
    {
        b.Entity<Counterpart>(e =>
        {
            e.Property(c => c.Code).HasMaxLength(20);
            e.Property(c => c.Name).HasMaxLength(300);
            e.Property(c => c.Acronym).HasMaxLength(40);
            e.Property(c => c.Country).HasMaxLength(2);
            e.Property(c => c.Region).HasMaxLength(200);
            e.Property(c => c.NetworkCode).HasMaxLength(40);
            e.Property(c => c.Website).HasMaxLength(400);
            e.ComplexProperty(c => c.Notes, Localized(2000));
            e.HasIndex(c => new { c.OrganizationId, c.Code }).IsUnique();
            e.HasIndex(c => new { c.OrganizationId, c.Kind, c.Name });
            e.HasIndex(c => new { c.OrganizationId, c.Country });
            e.HasIndex(c => new { c.OrganizationId, c.GazetteerId });
        });
        b.Entity<Contact>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Position).HasMaxLength(200);
            e.Property(c => c.Email).HasMaxLength(256);
            e.Property(c => c.Phone).HasMaxLength(50);
            e.Property(c => c.Notes).HasMaxLength(2000);
            e.HasOne<Counterpart>().WithMany().HasForeignKey(c => c.CounterpartId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.OrganizationId, c.CounterpartId });
        });
        b.Entity<Agreement>(e =>
        {
            e.Property(a => a.Code).HasMaxLength(20);
            e.ComplexProperty(a => a.Title, Localized(300));
            e.ComplexProperty(a => a.RenewalNotes, Localized(2000));
            e.ComplexProperty(a => a.Commitments, Localized(4000));
            e.ComplexProperty(a => a.Summary, Localized(4000));
            e.Property(a => a.Signatories).HasMaxLength(2000);
            e.HasOne<Department>().WithMany().HasForeignKey(a => a.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Agreement>().WithMany().HasForeignKey(a => a.RenewsId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.OrganizationId, a.Code }).IsUnique();
            e.HasIndex(a => new { a.OrganizationId, a.Status, a.ExpiresOn });
        });
        b.Entity<AgreementDocument>(e =>
        {
            e.Property(d => d.FileName).HasMaxLength(255);
            e.Property(d => d.ContentType).HasMaxLength(100);
            e.Property(d => d.Sha256).HasMaxLength(64);
            e.Property(d => d.Title).HasMaxLength(300);
            e.HasOne<Agreement>().WithMany().HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(d => new { d.OrganizationId, d.AgreementId });
        });
        b.Entity<LedgerEntry>(e =>
        {
            e.ComplexProperty(l => l.Summary, Localized(2000));
            e.HasOne<Agreement>().WithMany().HasForeignKey(l => l.AgreementId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => new { l.OrganizationId, l.AgreementId, l.On });
        });
        b.Entity<NetworkMembership>(e =>
        {
            e.Property(m => m.AnnualFee).HasPrecision(18, 2);
            e.Property(m => m.Currency).HasMaxLength(3);
            e.ComplexProperty(m => m.Commitments, Localized(4000));
            e.ComplexProperty(m => m.Notes, Localized(2000));
            e.HasOne<Counterpart>().WithMany().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Department>().WithMany().HasForeignKey(m => m.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.OrganizationId, m.NetworkId });
        });
        b.Entity<NetworkRoleHeld>(e =>
        {
            e.ToTable("NetworkRoles");
            e.Property(r => r.Detail).HasMaxLength(300);
            e.HasOne<NetworkMembership>().WithMany().HasForeignKey(r => r.MembershipId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.OrganizationId, r.MembershipId });
        });
        b.Entity<MembershipReport>(e =>
        {
            e.ComplexProperty(r => r.Title, Localized(300));
            e.HasOne<NetworkMembership>().WithMany().HasForeignKey(r => r.MembershipId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.OrganizationId, r.MembershipId });
            e.HasIndex(r => new { r.OrganizationId, r.Due });
        });
        b.Entity<Alliance>(e =>
        {
            e.ComplexProperty(a => a.Title, Localized(300));
            e.ComplexProperty(a => a.Declaration, Localized(8000));
            e.ComplexProperty(a => a.Commitments, Localized(4000));
            e.Property(a => a.Url).HasMaxLength(400);
            e.HasOne<Counterpart>().WithMany().HasForeignKey(a => a.PromoterId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.OrganizationId, a.AdheredOn });
        });
        b.Entity<CooperationProject>(e =>
        {
            e.ToTable("Projects");
            e.Property(p => p.Code).HasMaxLength(20);
            e.Property(p => p.IatiIdentifier).HasMaxLength(200);
            e.ComplexProperty(p => p.Title, Localized(300));
            e.ComplexProperty(p => p.Description, Localized(8000));
            e.ComplexProperty(p => p.Beneficiaries, Localized(1000));
            e.ComplexProperty(p => p.Results, Localized(4000));
            e.Property(p => p.Budget).HasPrecision(18, 2);
            e.Property(p => p.Currency).HasMaxLength(3);
            e.HasOne<Department>().WithMany().HasForeignKey(p => p.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.OrganizationId, p.Code }).IsUnique();
            e.HasIndex(p => new { p.OrganizationId, p.IatiIdentifier });
            e.HasIndex(p => new { p.OrganizationId, p.Status });
        });
        b.Entity<ProjectPartner>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(300);
            e.Property(p => p.IatiRef).HasMaxLength(100);
            e.HasOne<CooperationProject>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Counterpart>().WithMany().HasForeignKey(p => p.CounterpartId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.OrganizationId, p.ProjectId });
            e.HasIndex(p => new { p.OrganizationId, p.CounterpartId });
        });
        b.Entity<ProjectTransaction>(e =>
        {
            e.Property(t => t.Amount).HasPrecision(18, 2);
            e.Property(t => t.Currency).HasMaxLength(3);
            e.Property(t => t.Description).HasMaxLength(1000);
            e.Property(t => t.ProviderName).HasMaxLength(300);
            e.Property(t => t.ReceiverName).HasMaxLength(300);
            e.HasOne<CooperationProject>().WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.OrganizationId, t.ProjectId, t.On });
        });
        b.Entity<Mission>(e =>
        {
            e.ComplexProperty(m => m.Title, Localized(300));
            e.ComplexProperty(m => m.Agenda, Localized(4000));
            e.ComplexProperty(m => m.Outcomes, Localized(4000));
            e.Property(m => m.City).HasMaxLength(200);
            e.Property(m => m.Country).HasMaxLength(2);
            e.Property(m => m.EconomicImpact).HasPrecision(18, 2);
            e.Property(m => m.Currency).HasMaxLength(3);
            e.HasOne<Agreement>().WithMany().HasForeignKey(m => m.AgreementId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Department>().WithMany().HasForeignKey(m => m.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.OrganizationId, m.Start });
            e.HasIndex(m => new { m.OrganizationId, m.AgreementId });
        });
    }

    private static void ConfigureMonitoring(ModelBuilder b)
    {
        b.Entity<Indicator>(e =>
        {
            e.Property(i => i.Code).HasMaxLength(20);
            e.ComplexProperty(i => i.Name, Localized(300));
            e.ComplexProperty(i => i.Definition, Localized(2000));
            e.Property(i => i.Unit).HasMaxLength(40);
            e.Property(i => i.BaselineValue).HasPrecision(20, 6);
            e.Property(i => i.BaselineText).HasMaxLength(2000);
            e.Property(i => i.DataSource).HasMaxLength(400);
            e.Property(i => i.SdgIndicator).HasMaxLength(20);
            e.Property(i => i.DisaggregationName).HasMaxLength(100);
            e.HasOne<StrategicPlan>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Department>().WithMany().HasForeignKey(i => i.OwnerDepartmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Objective>().WithMany().HasForeignKey(i => i.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PolicyAction>().WithMany().HasForeignKey(i => i.ActionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CooperationProject>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Externality>().WithMany().HasForeignKey(i => i.ExternalityId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(i => new { i.OrganizationId, i.Code }).IsUnique();
            e.HasIndex(i => new { i.OrganizationId, i.PlanId });
            e.HasIndex(i => new { i.OrganizationId, i.OwnerDepartmentId });
            e.HasIndex(i => new { i.OrganizationId, i.ObjectiveId });
        });
        b.Entity<IndicatorTarget>(e =>
        {
            e.Property(t => t.Value).HasPrecision(20, 6);
            e.Property(t => t.Text).HasMaxLength(1000);
            e.HasOne<Indicator>().WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.OrganizationId, t.IndicatorId, t.Period });
        });
        b.Entity<Measurement>(e =>
        {
            e.Property(m => m.Value).HasPrecision(20, 6);
            e.Property(m => m.Text).HasMaxLength(4000);
            e.Property(m => m.Note).HasMaxLength(2000);
            e.Property(m => m.ReturnComment).HasMaxLength(2000);
            e.Property(m => m.EvidenceUrl).HasMaxLength(400);
            e.Property(m => m.EvidenceFileName).HasMaxLength(255);
            e.Property(m => m.EvidenceContentType).HasMaxLength(100);
            e.Property(m => m.EvidenceSha256).HasMaxLength(64);
            e.Property(m => m.SubmittedBy).HasMaxLength(256);
            e.Property(m => m.ValidatedBy).HasMaxLength(256);
            e.HasOne<Indicator>().WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            // One live measurement per indicator and period; one in the Trash does not block a new one.
            e.HasIndex(m => new { m.OrganizationId, m.IndicatorId, m.Period }).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
            e.HasIndex(m => new { m.OrganizationId, m.Status });
        });
        b.Entity<Evaluation>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(20);
            e.ComplexProperty(x => x.Title, Localized(300));
            e.ComplexProperty(x => x.Method, Localized(4000));
            e.ComplexProperty(x => x.Findings, Localized(8000));
            e.ComplexProperty(x => x.PracticeSummary, Localized(8000));
            e.Property(x => x.EvaluatorNames).HasMaxLength(400);
            e.Property(x => x.ReportUrl).HasMaxLength(400);
            e.HasOne<StrategicPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.OrganizationId, x.Code }).IsUnique();
            e.HasIndex(x => new { x.OrganizationId, x.PlanId });
        });
        b.Entity<Recommendation>(e =>
        {
            e.ComplexProperty(r => r.Text, Localized(2000));
            e.ComplexProperty(r => r.Response, Localized(2000));
            e.HasOne<Evaluation>().WithMany().HasForeignKey(r => r.EvaluationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.OrganizationId, r.EvaluationId });
        });
        b.Entity<Externality>(e =>
        {
            e.ToTable("Externalities");
            e.Property(x => x.Code).HasMaxLength(20);
            e.ComplexProperty(x => x.Name, Localized(300));
            e.ComplexProperty(x => x.Description, Localized(4000));
            e.ComplexProperty(x => x.WhoBenefits, Localized(2000));
            e.ComplexProperty(x => x.WhoBearsCost, Localized(2000));
            e.HasOne<StrategicPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.OrganizationId, x.Code }).IsUnique();
            e.HasIndex(x => new { x.OrganizationId, x.PlanId });
        });
        b.Entity<Mitigation>(e =>
        {
            e.ComplexProperty(m => m.Measure, Localized(2000));
            e.HasOne<Externality>().WithMany().HasForeignKey(m => m.ExternalityId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.OrganizationId, m.ExternalityId });
        });
        b.Entity<MaturityRecord>(e =>
        {
            e.Property(m => m.TakenBy).HasMaxLength(256);
            e.HasOne<StrategicPlan>().WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.OrganizationId, m.PlanId, m.TakenOn });
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
        var touched = Nodal.Data.ChangeStamps.Touched(this);
        AuditEntries.AddRange(AuditTrail.Prepare(this, clock.GetUtcNow().UtcDateTime));
        var n = base.SaveChanges(acceptAllChangesOnSuccess);
        foreach (var (org, area) in touched) Database.ExecuteSqlRaw(Nodal.Data.ChangeStamps.BumpSql, Nodal.Data.ChangeStamps.Parameters(this, org, area));
        return n;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var touched = Nodal.Data.ChangeStamps.Touched(this);
        var audit = AuditTrail.Prepare(this, clock.GetUtcNow().UtcDateTime);
        AuditEntries.AddRange(audit);
        var n = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // After the rows: a reader that sees the new stamp also sees the new rows (same transaction, or later in
        // autocommit); one that caches new rows under the old stamp only recomputes once more.
        foreach (var (org, area) in touched)
            await Database.ExecuteSqlRawAsync(Nodal.Data.ChangeStamps.BumpSql, Nodal.Data.ChangeStamps.Parameters(this, org, area), cancellationToken);
        return n;
    }

    /// <summary>The organization's change stamps of every area in one short text ("monitoring:12|policy:40"); it moves with any save of those areas.</summary>
    public async Task<string> StampsAsync(CancellationToken ct = default) =>
        string.Join('|', (await ChangeStamps.AsNoTracking().Where(c => c.OrganizationId == CurrentOrganizationId)
            .Select(c => new { c.Area, c.Value }).ToListAsync(ct)).OrderBy(c => c.Area, StringComparer.Ordinal).Select(c => $"{c.Area}:{c.Value}"));

    /// <summary>Loads records in the Trash (deleted, still in this organization).</summary>
    public IQueryable<T> Deleted<T>() where T : TenantEntity =>
        Set<T>().IgnoreQueryFilters([SoftDeleteFilter]).Where(x => x.DeletedAt != null);

    /// <summary>Applies the version the user saw, so a save over a newer version fails.</summary>
    public void ExpectVersion<T>(T entity, long version) where T : class, IVersioned =>
        Entry(entity).Property(x => x.Version).OriginalValue = version;
}
