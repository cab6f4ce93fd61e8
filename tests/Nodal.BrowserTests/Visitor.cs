using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Nodal.BrowserTests;

/// <summary>
/// One person at one browser. Every navigation goes through here: it waits for the page to load,
/// notes the interface language, and (when auditing) runs axe-core on the page. Script errors,
/// failed sub-resources, console errors (such as CSP violations) and any request leaving the server are noted too.
/// </summary>
public sealed class Visitor : IAsyncDisposable
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    private readonly IBrowserContext _context;
    private readonly ITestOutputHelper _output;
    /// <summary>Serious/critical axe findings: the finding (rule, element, detail) → the pages it was seen on.</summary>
    private readonly Dictionary<string, List<string>> _accessibility = [];
    private readonly List<string> _scriptProblems = [];
    private readonly List<string> _consoleErrors = [];
    private int _audited;

    public NodalSite Site { get; }
    public IPage Page { get; }
    /// <summary>Run axe on every page reached through this visitor.</summary>
    public bool Audit { get; set; }
    /// <summary>The lang attribute of the page shown (es, en or fr).</summary>
    public string Language { get; private set; } = "en";

    static Visitor() => SetDefaultExpectTimeout(10_000);

    internal Visitor(NodalSite site, IBrowserContext context, IPage page, ITestOutputHelper output, bool audit)
    {
        Site = site;
        _context = context;
        Page = page;
        _output = output;
        Audit = audit;
        output.WriteLine($"Nodal at {site.BaseUrl} on {site.DatabaseKind}; axe-core from {site.AxePath}");
        page.PageError += (_, error) => _scriptProblems.Add($"uncaught script error on {page.Url}: {error}");
        page.Console += (_, message) =>
        {
            // Error statuses of documents are expected (403 pages); sub-resources are checked below.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                _consoleErrors.Add($"console error on {page.Url}: {message.Text}");
        };
        // Nodal serves everything it shows: no request may leave the server (no CDN, font, telemetry or proxy).
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(site.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)
                && !request.Url.StartsWith("blob:", StringComparison.Ordinal) && request.Url != "about:blank")
                _scriptProblems.Add($"{request.ResourceType} request leaving the server: {request.Url} (on {page.Url})");
        };
        page.RequestFailed += (_, request) =>
        {
            if (!request.IsNavigationRequest && request.Failure != "net::ERR_ABORTED")
                _scriptProblems.Add($"{request.ResourceType} {request.Url} failed: {request.Failure} (on {page.Url})");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Request.IsNavigationRequest)
                _scriptProblems.Add($"{response.Request.ResourceType} {response.Url} answered {response.Status} (on {page.Url})");
        };
    }

    /// <summary>The interface text for <paramref name="key"/> in the language of the page shown.</summary>
    public string T(string key, params object[] args) => Site.Text(Language, key, args);

    /// <summary>Goes to <paramref name="path"/> and checks the status of the answer.</summary>
    public async Task<IResponse> OpenAsync(string path, int expectedStatus = 200)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}");
        Assert.True(response.Status == expectedStatus, $"GET {path} answered {response.Status}, expected {expectedStatus}.");
        await ArrivedAsync();
        return response;
    }

    /// <summary>Goes to <paramref name="path"/> whatever it answers (for sweeps); audits only a 200.
    /// <paramref name="readyWhen"/>: a selector that exists once a page drawn by script has rendered its content.</summary>
    public async Task<int> TryOpenAsync(string path, string? readyWhen = null)
    {
        var response = await Page.GotoAsync(path);
        var status = response?.Status ?? 0;
        if (status == 200) await ArrivedAsync(readyWhen);
        return status;
    }

    /// <summary>Does something that loads a new page (a click on a link, a form submission) and waits for that page.</summary>
    public async Task<IResponse?> FollowAsync(Func<Task> action)
    {
        // The new document is committed when the main frame navigates (after any redirect);
        // its answer is the last document response before that.
        IResponse? last = null;
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnResponse(object? _, IResponse r) { if (r.Request.IsNavigationRequest && r.Frame == Page.MainFrame) last = r; }
        void OnNavigated(object? _, IFrame f) { if (f == Page.MainFrame) committed.TrySetResult(); }
        Page.Response += OnResponse;
        Page.FrameNavigated += OnNavigated;
        try
        {
            await action();
            await committed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No new page loaded within 15 s after the action on {Page.Url}.");
        }
        finally
        {
            Page.Response -= OnResponse;
            Page.FrameNavigated -= OnNavigated;
        }
        await ArrivedAsync();
        return last;
    }

    private async Task ArrivedAsync(string? readyWhen = null)
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        if (readyWhen is not null)
        {
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            foreach (var selector in readyWhen.Split(';')) // several selectors, each waited for
                await Page.Locator(selector).First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        }
        Language = await Page.Locator("html").GetAttributeAsync("lang") ?? "en";
        if (Audit) await CheckAccessibilityAsync();
    }

    /// <summary>Signs in through the login form; the browser lands on the page after it.</summary>
    public async Task SignInAsync(string email, string? password = null)
    {
        await OpenAsync("/account/login");
        await Page.GetByLabel(T("Email address"), new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel(T("Password"), new() { Exact = true }).FillAsync(password ?? NodalSite.DemoPassword);
        await FollowAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = T("Sign in"), Exact = true }).ClickAsync());
        Assert.False(new Uri(Page.Url).AbsolutePath.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase),
            $"Signing in as {email} did not leave the login page: {await Page.Locator("main").InnerTextAsync()}");
    }

    /// <summary>Chooses a language in the header's language form and sends it, as a person does.</summary>
    public async Task ChangeLanguageAsync(string language)
    {
        var form = Page.GetByRole(AriaRole.Banner);
        await form.GetByRole(AriaRole.Combobox, new() { Name = T("Language"), Exact = true }).SelectOptionAsync(language);
        await FollowAsync(() => form.GetByRole(AriaRole.Button, new() { Name = T("Change language"), Exact = true }).ClickAsync());
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    /// <summary>Runs axe-core on the page as it is now; serious and critical violations are kept for <see cref="AssertNoProblems"/>.</summary>
    public async Task CheckAccessibilityAsync(string? state = null)
    {
        var where = new Uri(Page.Url).PathAndQuery + (state is null ? "" : $" ({state})");
        _audited++;
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await Page.AddScriptTagAsync(new() { Path = Site.AxePath });
        var violations = await Page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => {
                  const d = (n.any.concat(n.all, n.none).find(c => c.data && c.data.fgColor) || {}).data;
                  return {
                    impact: n.impact, target: JSON.stringify(n.target), html: n.html.slice(0, 160),
                    detail: d ? `${d.fgColor} on ${d.bgColor}: ${d.contrastRatio}:1, needs ${d.expectedContrastRatio}` : '',
                  };
                }),
              }));
            }
            """);
        var found = 0;
        foreach (var v in violations.EnumerateArray())
        {
            var id = v.GetProperty("id").GetString();
            var help = v.GetProperty("help").GetString();
            foreach (var node in v.GetProperty("nodes").EnumerateArray())
            {
                var impact = node.GetProperty("impact").GetString() ?? v.GetProperty("impact").GetString() ?? "?";
                var detail = node.GetProperty("detail").GetString() is { Length: > 0 } d ? $" [{d}]" : "";
                var finding = $"[{impact}] {id} ({help}) at {node.GetProperty("target").GetString()}{detail}  {node.GetProperty("html").GetString()}";
                if (BlockingImpacts.Contains(impact))
                {
                    if (!_accessibility.TryGetValue(finding, out var pages)) _accessibility[finding] = pages = [];
                    pages.Add($"{where} [{Language}]");
                    found++;
                    continue;
                }
                _output.WriteLine($"axe (not blocking) on {where}: {finding}");
            }
        }
        _output.WriteLine($"axe: {where} [{Language}]: {found} serious/critical");
    }

    /// <summary>Fails on any serious/critical axe violation, uncaught script error or failed sub-resource seen so far.</summary>
    public void AssertNoProblems()
    {
        foreach (var e in _consoleErrors) _output.WriteLine("warning: " + e);
        var problems = _accessibility.Select(a => $"axe {a.Key}{Environment.NewLine}    on {string.Join(", ", a.Value)}")
            .Concat(_scriptProblems).ToList();
        Assert.True(problems.Count == 0,
            $"{problems.Count} problem(s) in the pages visited ({_audited} audited with axe):{Environment.NewLine}" + string.Join(Environment.NewLine, problems));
    }

    /// <summary>Fails on any console error seen so far (a CSP violation, a script that could not run).</summary>
    public void AssertNoConsoleErrors()
    {
        var distinct = _consoleErrors.Distinct().ToList();
        Assert.True(distinct.Count == 0,
            $"{distinct.Count} console error(s) in the pages visited:{Environment.NewLine}" + string.Join(Environment.NewLine, distinct));
    }

    /// <summary>The path of the page shown.</summary>
    public string Path => new Uri(Page.Url).AbsolutePath;

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
