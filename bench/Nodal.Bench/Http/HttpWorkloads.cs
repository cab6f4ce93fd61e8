using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Nodal.Bench.Http;

/// <summary>GETs one of a set of URLs (round robin) with fixed headers; a response other than 200 counts as an error.</summary>
public sealed class HttpGetWorkload(string label, HttpClient client, IReadOnlyList<string> paths, Action<HttpRequestHeaders>? headers = null) : Workload
{
    public override string Label { get; } = label;

    public override async ValueTask<string?> RunOnceAsync(int worker, long sequence, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, paths[(int)(sequence % paths.Count)]);
        headers?.Invoke(request.Headers);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        return response.StatusCode == HttpStatusCode.OK ? null : $"{request.RequestUri} answered {(int)response.StatusCode}";
    }

    /// <summary>The first URL, once: its status code (to skip an endpoint this build does not have) and body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> ProbeAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, paths[0]);
        headers?.Invoke(request.Headers);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    public string FirstPath => paths[0];
}

public static partial class BenchClients
{
    /// <summary>
    /// One client for every worker: keep-alive connections, as many as workers, no cookies or redirects
    /// of its own (each workload sends its own credentials).
    /// </summary>
    public static HttpClient Create(Uri baseAddress, int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = baseAddress,
            DefaultRequestVersion = HttpVersion.Version11,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>Signs in through the login form, as a browser does, and returns the Cookie header to send.</summary>
    public static async Task<string> SignInAsync(Uri baseAddress, string email, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var form = await http.GetStringAsync("/account/login", ct);
        var token = TokenPattern().Match(form);
        if (!token.Success) throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        using var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}, not a redirect.");
        return cookies.GetCookieHeader(baseAddress);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
