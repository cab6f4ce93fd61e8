using Nodal.Core.Monitoring;
using Nodal.Core.Relations;
using Nodal.Web.Features.Agreements;
using Nodal.Web.Features.Monitoring;
using Nodal.Web.Features.Plans;

namespace Nodal.Web.Features.Maturity;

/// <summary>One record behind a check, labelled and linked for the page.</summary>
public sealed record EvidenceItem(EvidenceKind Kind, Guid? Id, string Code, string Label, string? Href, double? Share, DateOnly? Period);

/// <summary>A check with its words, its result and (the first <see cref="MaturityService.EvidenceShown"/> of) its evidence.</summary>
public sealed record CheckView(MaturityCheckDefinition Definition, MaturityText.Words Words, MaturityResult Result, IReadOnlyList<EvidenceItem> Evidence)
{
    public int EvidenceTotal => Result.Evidence.Count;
}

public sealed record CriterionView(MaturityCriterion Criterion, MaturityText.Words Words, IReadOnlyList<CheckView> Checks);

/// <summary>The self-assessment of one plan today.</summary>
public sealed record MaturityReport(Guid PlanId, DateOnly AsOf, MaturitySummary Summary, IReadOnlyList<CriterionView> Criteria)
{
    public IEnumerable<CheckView> Checks => Criteria.SelectMany(c => c.Checks);
}

/// <summary>A stored self-assessment, with the plan version it was taken with.</summary>
public sealed record MaturityRecordView(Guid Id, Guid? PlanVersionId, int? PlanVersionNumber, DateOnly TakenOn, string? TakenBy, DateTime CreatedAt, IReadOnlyDictionary<string, MaturityScore> Scores);

/// <summary>
/// Gathers the facts of one plan in a handful of queries and judges them with <see cref="Nodal.Core.Monitoring.Maturity"/>;
/// keeps and reads the records taken at adoption or by hand.
/// </summary>
public sealed class MaturityService(
    NodalDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    MonitoringFacts monitoring,
    AgreementService agreements,
    IStringLocalizer<SharedResource> L)
{
    /// <summary>Evidence labelled and linked per check on the page (the API gives every id up to <see cref="EvidenceInApi"/>).</summary>
    public const int EvidenceShown = 50;
    public const int EvidenceInApi = 1000;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<StrategicPlan?> FindPlanAsync(Guid id, CancellationToken ct) => db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);

    // ------------------------------------------------------------------ facts

    private sealed record Names(
        Dictionary<Guid, string> Objectives,
        Dictionary<Guid, string> Axes,
        Dictionary<Guid, string> Departments,
        Dictionary<Guid, string> Indicators,
        Dictionary<Guid, Frequency> Frequencies,
        Dictionary<Guid, string> Evaluations,
        Dictionary<Guid, string> Externalities,
        Dictionary<Guid, string> Agreements,
        Dictionary<Guid, string> Memberships);

    /// <summary>Everything the checks read about the plan, on <see cref="Today"/>.</summary>
    public async Task<MaturityFacts> FactsAsync(StrategicPlan plan, CancellationToken ct) => (await LoadAsync(plan, ct)).Facts;

    private async Task<(MaturityFacts Facts, Names Names)> LoadAsync(StrategicPlan plan, CancellationToken ct)
    {
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var today = Today;
        string Text(LocalizedText t) => t.Get(lang, fallback);
        static bool Has(LocalizedText t) => !string.IsNullOrWhiteSpace(t.Es) || !string.IsNullOrWhiteSpace(t.En) || !string.IsNullOrWhiteSpace(t.Fr);

        var versions = await db.PlanVersions.CountAsync(v => v.PlanId == plan.Id, ct);

        var objectives = await db.Objectives.AsNoTracking().Where(o => o.PlanId == plan.Id).OrderBy(o => o.SortOrder).ThenBy(o => o.Code)
            .Select(o => new { o.Id, o.Code, o.Deadline, o.OwnerDepartmentId, o.AxisIds, o.SdgTargets, o.CityPlanObjective, o.LegalBasis, o.Statement }).ToListAsync(ct);
        var findings = (await db.AnalysisItems.AsNoTracking().Where(a => a.PlanId == plan.Id).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var axes = await db.Axes.AsNoTracking().Where(a => a.PlanId == plan.Id).OrderBy(a => a.Priority)
            .Select(a => new { a.Id, a.Kind, a.AnalysisItemIds, a.Name }).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct);

        var actions = await db.ActionFactsAsync(plan.Id, objectives.ToDictionary(o => o.Id, o => o.AxisIds), ct);

        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id).OrderBy(i => i.Code)
            .Select(i => new { i.Id, i.Code, i.Name, i.Level, i.ObjectiveId, i.ExternalityId, i.BaselineValue, i.BaselineText, i.Frequency, i.FirstPeriod, i.GraceDays })
            .ToListAsync(ct);
        var targeted = (await db.IndicatorTargets.AsNoTracking()
                .Where(t => (t.Value != null || t.Text != null) && db.Indicators.Any(i => i.Id == t.IndicatorId && i.PlanId == plan.Id))
                .Select(t => t.IndicatorId).Distinct().ToListAsync(ct)).ToHashSet();

        // Due periods as MonitoringFacts.LateAsync walks them; the late ones are those it reports.
        var late = (await monitoring.LateAsync(plan.Id, null, today, ct)).Select(l => (l.IndicatorId, l.Period)).ToHashSet();
        var planStart = new DateOnly(plan.StartYear, 1, 1);
        var planEnd = new DateOnly(plan.EndYear, 12, 31);
        var due = new List<DueMeasurementFacts>();
        foreach (var i in indicators)
            foreach (var p in Periods.DueBy(i.FirstPeriod ?? planStart, today, i.Frequency, i.GraceDays))
            {
                if (p > planEnd) break;
                due.Add(new DueMeasurementFacts(i.Id, i.Code, p, !late.Contains((i.Id, p))));
            }

        var evaluations = await db.Evaluations.AsNoTracking().Where(e => e.PlanId == plan.Id).OrderBy(e => e.Code)
            .Select(e => new { e.Id, e.Code, e.Status, e.End, e.Title }).ToListAsync(ct);
        var evaluationCodes = evaluations.ToDictionary(e => e.Id, e => e.Code);
        var recommendations = await db.Recommendations.AsNoTracking()
            .Where(r => db.Evaluations.Any(e => e.Id == r.EvaluationId && e.PlanId == plan.Id))
            .OrderBy(r => r.SortOrder).Select(r => new { r.Id, r.EvaluationId, r.SortOrder, r.Status }).ToListAsync(ct);

        var externalities = await db.Externalities.AsNoTracking().Where(x => x.PlanId == plan.Id).OrderBy(x => x.Code)
            .Select(x => new { x.Id, x.Code, x.Name, x.WhoBenefits, x.WhoBearsCost }).ToListAsync(ct);
        var mitigations = await db.Mitigations.AsNoTracking()
            .Where(m => db.Externalities.Any(x => x.Id == m.ExternalityId && x.PlanId == plan.Id))
            .Select(m => new MaturityMitigationFacts(m.ExternalityId, m.Status)).ToListAsync(ct);

        var agreementRows = await db.Agreements.AsNoTracking().OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Kind, a.Status, a.SignedOn, a.EffectiveFrom, a.Title }).ToListAsync(ct);
        var activity = agreementRows.Any(a => a.Status == AgreementStatus.Active) ? await agreements.ActivityDatesAsync(null, ct) : [];
        var dormancy = await agreements.DormancyMonthsAsync(ct);

        var memberships = await (from m in db.NetworkMemberships.AsNoTracking()
                                 join c in db.Counterparts on m.NetworkId equals c.Id into cs
                                 from c in cs.DefaultIfEmpty()
                                 select new { m.Id, m.Since, m.Until, m.WorkingGroups, Name = c == null ? null : c.Name, Acronym = c == null ? null : c.Acronym })
            .ToListAsync(ct);
        var roles = (await db.NetworkRoles.AsNoTracking().Where(r => r.From <= today && (r.To == null || r.To >= today))
            .Select(r => r.MembershipId).ToListAsync(ct)).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());

        var officeYears = await db.OfficeYears.AsNoTracking().Where(y => y.Year >= plan.StartYear && y.Year <= plan.EndYear)
            .Select(y => new MaturityOfficeYearFacts(y.Id, y.Year, y.Staff, y.Budget)).ToListAsync(ct);

        var facts = new MaturityFacts
        {
            Today = today,
            Currency = tenant.Currency,
            Plan = new MaturityPlanFacts(plan.Id, plan.StartYear, plan.EndYear, Has(plan.Vision), Has(plan.CityModel),
                !string.IsNullOrWhiteSpace(plan.CityPlanName) || !string.IsNullOrWhiteSpace(plan.CityPlanUrl), versions),
            Objectives = objectives.Select(o => new MaturityObjectiveFacts(o.Id, o.Code, o.Deadline, o.OwnerDepartmentId, o.AxisIds, o.SdgTargets,
                !string.IsNullOrWhiteSpace(o.CityPlanObjective), Has(o.LegalBasis))).ToList(),
            Actions = actions,
            Axes = axes.Select(a => new MaturityAxisFacts(a.Id, a.Kind, a.AnalysisItemIds.Any(findings.Contains))).ToList(),
            Departments = departments.Select(d => new MaturityDepartmentFacts(d.Id, d.Code)).ToList(),
            Indicators = indicators.Select(i => new MaturityIndicatorFacts(i.Id, i.Code, i.Level, i.ObjectiveId, i.ExternalityId,
                i.BaselineValue is not null || !string.IsNullOrWhiteSpace(i.BaselineText), targeted.Contains(i.Id))).ToList(),
            DueMeasurements = due,
            Evaluations = evaluations.Select(e => new MaturityEvaluationFacts(e.Id, e.Code, e.Status, e.End)).ToList(),
            Recommendations = recommendations.Select(r => new MaturityRecommendationFacts(r.Id, r.EvaluationId, evaluationCodes.GetValueOrDefault(r.EvaluationId, ""), r.SortOrder, r.Status)).ToList(),
            Externalities = externalities.Select(x => new MaturityExternalityFacts(x.Id, x.Code, Has(x.WhoBenefits), Has(x.WhoBearsCost))).ToList(),
            Mitigations = mitigations,
            DormancyMonths = dormancy,
            Agreements = agreementRows.Select(a => new MaturityAgreementFacts(a.Id, a.Code, a.Kind, a.Status, a.SignedOn, a.EffectiveFrom,
                AgreementHealth.LastActivity(activity.TryGetValue(a.Id, out var d) ? d : [], today))).ToList(),
            Memberships = memberships.Select(m => new MaturityMembershipFacts(m.Id, m.Acronym ?? m.Name ?? "—", m.Since, m.Until, roles.GetValueOrDefault(m.Id), m.WorkingGroups.Count)).ToList(),
            OfficeYears = officeYears,
        };
        var names = new Names(
            objectives.ToDictionary(o => o.Id, o => $"{o.Code} — {Text(o.Statement)}"),
            axes.ToDictionary(a => a.Id, a => Text(a.Name)),
            departments.ToDictionary(d => d.Id, d => $"{d.Code} — {Text(d.Name)}"),
            indicators.ToDictionary(i => i.Id, i => $"{i.Code} — {Text(i.Name)}"),
            indicators.ToDictionary(i => i.Id, i => i.Frequency),
            evaluations.ToDictionary(e => e.Id, e => $"{e.Code} — {Text(e.Title)}"),
            externalities.ToDictionary(x => x.Id, x => $"{x.Code} — {Text(x.Name)}"),
            agreementRows.ToDictionary(a => a.Id, a => $"{a.Code} — {Text(a.Title)}"),
            memberships.ToDictionary(m => m.Id, m => m.Name is null ? "—" : m.Acronym is null ? m.Name : $"{m.Name} ({m.Acronym})"));
        return (facts, names);
    }

    // ------------------------------------------------------------------ the report

    /// <summary>The plan's self-assessment today, with the evidence of each check labelled and linked (up to <paramref name="evidencePerCheck"/>).</summary>
    public async Task<MaturityReport> AssessAsync(StrategicPlan plan, CancellationToken ct, int evidencePerCheck = EvidenceShown)
    {
        var (facts, names) = await LoadAsync(plan, ct);
        var results = Core.Monitoring.Maturity.Assess(facts).ToDictionary(r => r.Key);

        // Action titles only for the actions shown (a plan may hold thousands).
        var shownActions = results.Values.SelectMany(r => r.Evidence.Take(evidencePerCheck)).Where(e => e.Kind == EvidenceKind.Action && e.Id is not null)
            .Select(e => e.Id!.Value).Distinct().ToList();
        var lang = Languages.Current;
        var fallback = tenant.DefaultLanguage;
        var actionTitles = new Dictionary<Guid, string>();
        foreach (var chunk in shownActions.Chunk(500))
            foreach (var a in await db.Actions.AsNoTracking().Where(a => chunk.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct))
                actionTitles[a.Id] = $"{a.Code} — {a.Title.Get(lang, fallback)}";

        var org = tenant.OrganizationSlug;
        EvidenceItem Item(MaturityEvidence e)
        {
            var id = e.Id;
            string Named(Dictionary<Guid, string> d) => id is { } x && d.TryGetValue(x, out var n) ? n : e.Code;
            var (label, href) = e.Kind switch
            {
                EvidenceKind.Plan => (L["This plan has never been adopted."].Value, $"/{org}/plans/{plan.Id}"),
                EvidenceKind.PlanField => (MaturityText.PlanField(e.Code, L), $"/{org}/plans/{plan.Id}/edit"),
                EvidenceKind.Objective => (Named(names.Objectives), $"/{org}/plans/{plan.Id}/objectives/{id}"),
                EvidenceKind.Action => (Named(actionTitles), $"/{org}/actions/{id}"),
                EvidenceKind.Axis => (Named(names.Axes), $"/{org}/plans/{plan.Id}#axes"),
                EvidenceKind.Region => (M49.Name(e.Code, lang), null),
                EvidenceKind.Department => (Named(names.Departments), $"/{org}/departments/{id}"),
                EvidenceKind.Indicator => (Named(names.Indicators), $"/{org}/indicators/{id}"),
                EvidenceKind.LateMeasurement => ($"{Named(names.Indicators)} · {(e.Period is { } p && id is { } i && names.Frequencies.TryGetValue(i, out var f) ? MonitoringLabels.PeriodLabel(p, f) : "")}",
                    $"/{org}/indicators/{id}"),
                EvidenceKind.IndicatorLevel => (Enum.TryParse<IndicatorLevel>(e.Code, out var level) ? level.Label(L) : e.Code, $"/{org}/indicators"),
                EvidenceKind.Evaluation => (Named(names.Evaluations), $"/{org}/evaluations/{id}"),
                EvidenceKind.Recommendation => (L["Recommendation {0} of {1}", e.Code.Split('#').Last(), Named(names.Evaluations)].Value, $"/{org}/evaluations/{id}"),
                EvidenceKind.Externality => (Named(names.Externalities), $"/{org}/externalities/{id}"),
                EvidenceKind.Agreement => (Named(names.Agreements), $"/{org}/agreements/{id}"),
                EvidenceKind.NetworkMembership => (Named(names.Memberships), $"/{org}/memberships/{id}"),
                EvidenceKind.OfficeYear => (id is null ? L["{0}: no record of the office", e.Code].Value : L["{0}: staff or budget missing", e.Code].Value,
                    id is null ? $"/{org}/office" : $"/{org}/office/years/{id}/edit"),
                _ => (e.Code, null),
            };
            return new EvidenceItem(e.Kind, id, e.Code, label, href, e.Share, e.Period);
        }

        var criteria = Core.Monitoring.Maturity.Criteria.Select(c => new CriterionView(c, MaturityText.Criterion(c.Key, L),
            Core.Monitoring.Maturity.Checks.Where(k => k.Criterion == c.Key)
                .Select(k => new CheckView(k, MaturityText.Check(k.Key, L), results[k.Key], results[k.Key].Evidence.Take(evidencePerCheck).Select(Item).ToList()))
                .ToList())).ToList();
        return new MaturityReport(plan.Id, facts.Today, Core.Monitoring.Maturity.Summarize(results.Values), criteria);
    }

    // ------------------------------------------------------------------ records

    /// <summary>Takes today's assessment of the plan and keeps it (saved at once, inside the request's transaction).</summary>
    public async Task<MaturityRecord> RecordAsync(StrategicPlan plan, Guid? planVersionId, CancellationToken ct)
    {
        var facts = await FactsAsync(plan, ct);
        var record = new MaturityRecord
        {
            PlanId = plan.Id,
            PlanVersionId = planVersionId,
            TakenOn = facts.Today,
            TakenBy = tenant.UserName,
            Scores = Core.Monitoring.Maturity.ToJson(Core.Monitoring.Maturity.Assess(facts)),
        };
        db.MaturityRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>The plan's records, oldest first.</summary>
    public async Task<IReadOnlyList<MaturityRecordView>> RecordsAsync(Guid planId, CancellationToken ct)
    {
        var records = await db.MaturityRecords.AsNoTracking().Where(r => r.PlanId == planId)
            .OrderBy(r => r.TakenOn).ThenBy(r => r.CreatedAt).ToListAsync(ct);
        var versionIds = records.Where(r => r.PlanVersionId is not null).Select(r => r.PlanVersionId!.Value).Distinct().ToList();
        var numbers = versionIds.Count == 0 ? [] : await db.PlanVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => v.Number, ct);
        return records.Select(r => new MaturityRecordView(r.Id, r.PlanVersionId,
            r.PlanVersionId is { } v && numbers.TryGetValue(v, out var n) ? n : null,
            r.TakenOn, r.TakenBy, r.CreatedAt, Core.Monitoring.Maturity.FromJson(r.Scores))).ToList();
    }
}
