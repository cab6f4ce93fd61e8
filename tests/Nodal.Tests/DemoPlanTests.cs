using Microsoft.EntityFrameworkCore;
using Nodal.Core;
using Nodal.Core.Policy;
using Nodal.Core.Reference;
using Nodal.Web.Features.Organizations;
using Nodal.Web.Seeding;

namespace Nodal.Tests;

/// <summary>
/// The demo's policy as the test host seeds it (Nodal:Demo:Seed is on by default): a current plan rich enough
/// for every figure, consistent references, and a small plan on the other tenant's side.
/// </summary>
public abstract class DemoPlanTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private sealed record Data(
        List<StrategicPlan> Plans, List<AnalysisItem> Items, List<Axis> Axes, List<Objective> Objectives,
        List<PolicyAction> Actions, List<ActionMilestone> Milestones, List<ActionBudget> Budgets, List<Guid> Departments);

    private Task<Data> LoadAsync(Guid orgId) => app.WithDbAsync(async db => new Data(
        await db.Plans.ToListAsync(), await db.AnalysisItems.ToListAsync(), await db.Axes.ToListAsync(), await db.Objectives.ToListAsync(),
        await db.Actions.ToListAsync(), await db.Milestones.ToListAsync(), await db.Budgets.ToListAsync(),
        await db.Departments.Select(d => d.Id).ToListAsync()), orgId);

    private async Task<(Data Data, StrategicPlan Plan)> SolmarAsync()
    {
        var data = await LoadAsync(await app.OrgIdAsync(Seeder.DemoSlug));
        return (data, Assert.Single(data.Plans, p => p.IsCurrent));
    }

    [Fact]
    public async Task Solmar_has_one_current_adopted_plan_and_an_archived_one()
    {
        var (data, plan) = await SolmarAsync();
        Assert.Equal(PlanStatus.Adopted, plan.Status);
        Assert.Equal(new DateOnly(2023, 3, 30), plan.AdoptedOn);
        Assert.Equal((2023, 2027), (plan.StartYear, plan.EndYear));
        foreach (var lang in LocalizedText.Languages)
        {
            Assert.False(string.IsNullOrWhiteSpace(plan.Vision[lang]), $"vision in {lang}");
            Assert.False(string.IsNullOrWhiteSpace(plan.CityModel[lang]), $"city model in {lang}");
        }
        Assert.InRange(plan.CityPlanObjectives!.Split('\n').Length, 2, 4);
        var past = Assert.Single(data.Plans, p => !p.IsCurrent);
        Assert.Equal(PlanStatus.Archived, past.Status);
        // The adopted plan has its first version frozen, holding every action of the plan.
        var version = Assert.Single(await app.WithDbAsync(db => db.PlanVersions.ToListAsync(), await app.OrgIdAsync(Seeder.DemoSlug)));
        Assert.Equal((plan.Id, 1, plan.AdoptedOn), (version.PlanId, version.Number, (DateOnly?)version.AdoptedOn));
        Assert.Equal(data.Actions.Count(a => a.PlanId == plan.Id), Nodal.Web.Features.Plans.PlanSnapshot.FromJson(version.Snapshot).Items["actions"].Count);
    }

    [Fact]
    public async Task The_current_plan_has_analysis_axes_and_objectives_of_every_family()
    {
        var (data, plan) = await SolmarAsync();
        var items = data.Items.Where(i => i.PlanId == plan.Id).ToList();
        Assert.True(items.Count >= 10);
        Assert.Equal(Enum.GetValues<AnalysisKind>().Length, items.Select(i => i.Kind).Distinct().Count());
        Assert.Equal(Enum.GetValues<TerritoryArea>().Length, items.Select(i => i.Area).Distinct().Count());

        var axes = data.Axes.Where(a => a.PlanId == plan.Id).OrderBy(a => a.Priority).ToList();
        Assert.True(axes.Count >= 3);
        Assert.Contains(axes, a => a.Kind == AxisKind.Thematic);
        Assert.Contains(axes, a => a.Kind == AxisKind.Geographic && a.Countries.Count > 0 && a.Regions.Count > 0);
        Assert.Equal(Enumerable.Range(1, axes.Count), axes.Select(a => a.Priority));
        Assert.All(axes, a => Assert.InRange(a.AnalysisItemIds.Count, 1, 3));
        Assert.All(axes.SelectMany(a => a.AnalysisItemIds), id => Assert.Contains(items, i => i.Id == id));
        Assert.All(axes.SelectMany(a => a.Countries), c => Assert.True(Countries.Exists(c), c));

        var objectives = data.Objectives.Where(o => o.PlanId == plan.Id).ToList();
        Assert.True(objectives.Count >= 8);
        Assert.Equal(Enum.GetValues<ObjectiveFamily>().Order(), objectives.Select(o => o.Family).Distinct().Order());
        Assert.Equal(objectives.Count, objectives.Select(o => o.Code).Distinct().Count());
        Assert.All(objectives, o =>
        {
            Assert.Contains(o.OwnerDepartmentId!.Value, data.Departments);
            Assert.All(o.AxisIds, id => Assert.Contains(axes, a => a.Id == id));
            Assert.NotEmpty(o.SdgTargets);
            Assert.All(o.SdgTargets, t => Assert.True(Sdg.IsTarget(t), t));
            Assert.InRange(o.Deadline!.Value.Year, plan.StartYear, plan.EndYear);
            Assert.All(LocalizedText.Languages, l => Assert.False(string.IsNullOrWhiteSpace(o.Statement[l])));
        });
        // The gap the overview shows: exactly one objective nobody acts on.
        var actions = data.Actions.Where(a => a.PlanId == plan.Id).ToList();
        Assert.Single(objectives, o => !actions.Any(a => a.ObjectiveId == o.Id));
    }

    [Fact]
    public async Task The_current_plan_has_enough_consistent_actions_for_the_figures()
    {
        var (data, plan) = await SolmarAsync();
        var actions = data.Actions.Where(a => a.PlanId == plan.Id).ToList();
        var objectives = data.Objectives.Where(o => o.PlanId == plan.Id).Select(o => o.Id).ToHashSet();
        var axes = data.Axes.Where(a => a.PlanId == plan.Id).Select(a => a.Id).ToHashSet();
        var departments = data.Departments.ToHashSet();

        Assert.True(actions.Count >= 60, $"{actions.Count} actions");
        Assert.Contains(actions, a => a.Origin == ActionOrigin.Planned);
        Assert.Contains(actions, a => a.Origin == ActionOrigin.Reactive && a.ObjectiveId is null);
        Assert.Contains(actions, a => a.Origin == ActionOrigin.Reactive && a.ObjectiveId is not null && a.AttachedOn > a.RequestedOn);
        Assert.Equal(Enum.GetValues<Modality>().Order(), actions.Select(a => a.Modality).Distinct().Order());
        Assert.Equal(actions.Count, actions.Select(a => a.Code).Distinct().Count());
        Assert.All(actions, a =>
        {
            Assert.Contains(a.LeadDepartmentId, departments);
            Assert.All(a.InvolvedDepartmentIds, d => Assert.Contains(d, departments));
            if (a.RequestedByDepartmentId is { } r) Assert.Contains(r, departments);
            if (a.ObjectiveId is { } o) Assert.Contains(o, objectives);
            Assert.All(a.AxisIds, id => Assert.Contains(id, axes));
            if (a.Origin == ActionOrigin.Planned) Assert.NotNull(a.ObjectiveId);
            else
            {
                Assert.NotNull(a.RequestedOn);
                Assert.True(a.RequestedBy is not null || a.RequestedByDepartmentId is not null, a.Code);
                Assert.Equal(a.ObjectiveId is null, a.AttachedOn is null);
            }
            Assert.True(a.End >= a.Start, a.Code);
            Assert.All(a.SdgTargets, t => Assert.True(Sdg.IsTarget(t), $"{a.Code}: {t}"));
            Assert.All(a.Countries, c => Assert.True(Countries.Exists(c), $"{a.Code}: {c}"));
            Assert.All(LocalizedText.Languages, l => Assert.False(string.IsNullOrWhiteSpace(a.Title[l]), $"{a.Code} title in {l}"));
            Assert.False(string.IsNullOrWhiteSpace(a.Description.Es));
            Assert.False(string.IsNullOrWhiteSpace(a.Description.En));
        });

        // Planned more and more: the share of planned actions (as of each year's end) rises from 2023 to 2026.
        double Share(int year)
        {
            var ofYear = actions.Where(a => a.Start!.Value.Year == year).ToList();
            return (double)ofYear.Count(a => a.IsPlannedOn(new DateOnly(year, 12, 31))) / ofYear.Count;
        }
        Assert.InRange(Share(2023), 0.35, 0.55);
        Assert.InRange(Share(2026), 0.75, 0.9);
        Assert.True(Share(2023) < Share(2024) && Share(2024) < Share(2025));

        // Transversal but not entirely: most departments engaged, two not at all.
        var engaged = actions.SelectMany(a => a.InvolvedDepartmentIds.Append(a.LeadDepartmentId)).ToHashSet();
        Assert.Equal(departments.Count - 2, engaged.Count);

        // Something to chase on the dashboard: actions still running after their end date, and cancellations.
        Assert.Contains(actions, a => a.Status == ActionStatus.InProgress && a.End < DemoPlan.AsOf);
        Assert.Equal(2, actions.Count(a => a.Status == ActionStatus.Cancelled));
        Assert.DoesNotContain(actions, a => a.Status == ActionStatus.Done && a.End > DemoPlan.AsOf);

        var ids = actions.Select(a => a.Id).ToHashSet();
        var budgets = data.Budgets.Where(b => ids.Contains(b.ActionId)).ToList();
        Assert.True(budgets.Select(b => b.Year).Distinct().Count() >= 3);
        Assert.True(budgets.Select(b => b.ActionId).Distinct().Count() > actions.Count / 2);
        Assert.Contains(budgets, b => b.Currency == "USD");
        Assert.All(budgets, b =>
        {
            Assert.InRange(b.Spent, 0, b.Planned);
            if (b.Year > DemoPlan.AsOf.Year) Assert.Equal(0, b.Spent);
        });
        Assert.InRange(data.Milestones.Where(m => ids.Contains(m.ActionId)).Select(m => m.ActionId).Distinct().Count(), 15, 30);
    }

    [Fact]
    public async Task Costa_Alta_has_its_own_small_plan_and_sees_none_of_Solmars()
    {
        var costaAlta = await LoadAsync(await app.OrgIdAsync(Seeder.SecondDemoSlug));
        var plan = Assert.Single(costaAlta.Plans);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Single(costaAlta.Axes);
        Assert.Equal(2, costaAlta.Objectives.Count);
        Assert.Equal(3, costaAlta.Actions.Count);
        Assert.All(costaAlta.Actions, a => Assert.Equal(plan.Id, a.PlanId));
        Assert.All(costaAlta.Actions, a => Assert.Contains(a.LeadDepartmentId, costaAlta.Departments));

        var (solmar, _) = await SolmarAsync();
        Assert.Empty(solmar.Plans.Select(p => p.Id).Intersect(costaAlta.Plans.Select(p => p.Id)));
        Assert.Empty(solmar.Actions.Select(a => a.Id).Intersect(costaAlta.Actions.Select(a => a.Id)));
        // Both number their actions from A-001: codes are unique per organization only.
        Assert.Contains(solmar.Actions, a => a.Code == "A-001");
        Assert.Contains(costaAlta.Actions, a => a.Code == "A-001");
    }
}

public sealed class DemoPlanTestsOnSqlite(SqliteApp app) : DemoPlanTests<SqliteApp>(app);
public sealed class DemoPlanTestsOnPostgres(PostgresApp app) : DemoPlanTests<PostgresApp>(app);
