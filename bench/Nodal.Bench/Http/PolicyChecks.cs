using System.Text.Json;
using Nodal.Bench.Data;

namespace Nodal.Bench.Http;

/// <summary>
/// Before measuring the policy endpoints: they answer what was generated (all the plan's actions, not
/// another organization's nor the archived plan's), so the benchmark does not time an empty or wrong answer.
/// </summary>
public static class PolicyChecks
{
    /// <summary>Checks, and returns a line on the answers' sizes.</summary>
    public static async Task<string> RunAsync(PolicyData policy,
        HttpGetWorkload overview, HttpGetWorkload figures, HttpGetWorkload objectives, HttpGetWorkload actionsApi, HttpGetWorkload actionsPage,
        IReadOnlyCollection<HttpGetWorkload> actionLists, int pageSize, CancellationToken ct)
    {
        var figuresJson = await OkBodyAsync(figures, ct);
        int pastDue, countries;
        using (var doc = JsonDocument.Parse(figuresJson))
        {
            var root = doc.RootElement;
            pastDue = root.GetProperty("actionsPastDue").GetArrayLength();
            countries = root.GetProperty("countryFocus").GetProperty("shares").GetArrayLength();
            var actions = root.GetProperty("actions").GetInt32();
            var objectiveCount = root.GetProperty("objectives").GetInt32();
            var orphans = root.GetProperty("objectivesWithoutAction").GetArrayLength();
            if (actions != policy.Actions || objectiveCount != policy.Objectives || orphans != policy.ObjectivesWithoutAction)
                throw new InvalidOperationException($"The figures count {actions} actions, {objectiveCount} objectives, {orphans} without action; "
                    + $"the plan has {policy.Actions}, {policy.Objectives}, {policy.ObjectivesWithoutAction}.");
        }

        var html = await OkBodyAsync(overview, ct);
        if (!html.Contains($"id=\"figure-orphans\">{policy.ObjectivesWithoutAction}<", StringComparison.Ordinal)
            || !html.Contains("id=\"figure-planned-share\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"The overview page does not show the plan's figures ({policy.ObjectivesWithoutAction} objectives with no action).");

        using (var doc = JsonDocument.Parse(await OkBodyAsync(objectives, ct)))
        {
            var count = doc.RootElement.GetArrayLength();
            if (count != policy.Objectives)
                throw new InvalidOperationException($"The objectives API lists {count} objectives; the plan has {policy.Objectives}.");
        }

        // The actions list's shape is not known here yet: checked as far as it is the departments list's ({ total, items }).
        if (actionLists.Contains(actionsApi))
        {
            using var doc = JsonDocument.Parse(await OkBodyAsync(actionsApi, ct));
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("total", out var totalRows) && totalRows.GetInt32() != policy.Actions)
                throw new InvalidOperationException($"The actions API counts {totalRows.GetInt32()} actions; the plan has {policy.Actions} (plan filter or tenant filter off?).");
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var items) && items.GetArrayLength() != Math.Min(pageSize, policy.Actions))
                throw new InvalidOperationException($"The actions API lists {items.GetArrayLength()} actions on page 1; expected {Math.Min(pageSize, policy.Actions)}.");
        }
        if (actionLists.Contains(actionsPage))
        {
            // Sorted by code, the first page starts with the plan's first action.
            var page = await OkBodyAsync(actionsPage, ct);
            if (!page.Contains("A-00001", StringComparison.Ordinal))
                throw new InvalidOperationException("The actions page (sorted by code) does not show the plan's first action, A-00001.");
        }
        return $"the overview page is {System.Text.Encoding.UTF8.GetByteCount(html) / 1024.0:N0} KiB of HTML and the figures {System.Text.Encoding.UTF8.GetByteCount(figuresJson) / 1024.0:N0} KiB of JSON "
            + $"({pastDue:N0} actions past due and {countries} countries listed in full)";
    }

    private static async Task<string> OkBodyAsync(HttpGetWorkload w, CancellationToken ct)
    {
        var (status, body) = await w.ProbeAsync(ct);
        if (status != System.Net.HttpStatusCode.OK)
            throw new InvalidOperationException($"{w.FirstPath} answered {(int)status}.");
        return body;
    }
}
