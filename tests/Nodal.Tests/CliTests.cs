using System.Diagnostics;
using Nodal.Testing;
using Nodal.Web.Cli;

namespace Nodal.Tests;

/// <summary>
/// `tokens create` run as an operator does, in its own process on a new database: the first run's notices (the
/// generated administrator's password, the demo users' password, logs) go to stderr, stdout carries only the token.
/// </summary>
public abstract class CliTests(DatabaseKind kind)
{
    [Fact]
    public void Commands_send_their_logs_to_stderr_and_leave_the_server_arguments_alone()
    {
        Assert.Contains("--Logging:Console:LogToStandardErrorThreshold=Trace", Commands.HostArgs(["tokens", "create", "--email", "a@b.c", "--Nodal:DataDirectory=/tmp/x"]));
        Assert.Contains("--Nodal:DataDirectory=/tmp/x", Commands.HostArgs(["tokens", "create", "--email", "a@b.c", "--Nodal:DataDirectory=/tmp/x"]));
        Assert.Equal(["--urls", "http://127.0.0.1:5000"], Commands.HostArgs(["--urls", "http://127.0.0.1:5000"]));
    }

    [Fact]
    public async Task On_a_first_run_stdout_carries_only_the_token_and_the_generated_passwords_go_to_stderr()
    {
        await using var database = kind == DatabaseKind.Postgres
            ? await ThrowawayDatabase.CreatePostgresAsync(Environment.GetEnvironmentVariable("NODAL_TEST_POSTGRES")
                ?? throw new InvalidOperationException("NODAL_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a PostgreSQL."), "nodal_cli_")
            : ThrowawayDatabase.CreateSqlite("nodal-cli-");
        const string email = "first@nodal.test";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WebProjectDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Nodal.Web.dll"), "tokens", "create", "--email", email, "--name", "first run" })
            start.ArgumentList.Add(arg);
        start.ArgumentList.Add($"--Nodal:Admin:Email={email}");
        foreach (var (key, value) in database.Settings) start.ArgumentList.Add($"--{key}={value}");
        // Nothing from the caller's environment chooses the passwords: they are generated and printed once.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Nodal__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);

        var errors = await stderr;
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {errors}");
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var token = Assert.Single(lines);
        Assert.StartsWith("nodal_", token);
        Assert.Contains($"First administrator: {email}  password: ", errors);
        Assert.Contains("Demo users (…@solmar.example) share the password: ", errors);
        Assert.Contains("Copy it now", errors);
        Assert.DoesNotContain(token, errors);

        // A later command without Nodal:Admin:Email finds the administrator there is: it adds no second one.
        start.ArgumentList.Remove($"--Nodal:Admin:Email={email}");
        start.ArgumentList[start.ArgumentList.IndexOf("first run")] = "second run";
        using var again = Process.Start(start)!;
        var againOut = again.StandardOutput.ReadToEndAsync();
        var againErr = again.StandardError.ReadToEndAsync();
        await again.WaitForExitAsync(timeout.Token);
        var secondErrors = await againErr;
        Assert.True(again.ExitCode == 0, $"exit {again.ExitCode}: {secondErrors}");
        Assert.StartsWith("nodal_", Assert.Single((await againOut).Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain("First administrator", secondErrors);
        Assert.DoesNotContain("admin@nodal.local", secondErrors);
    }

    private static string WebProjectDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Nodal.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Nodal.slnx not found"), "src", "Nodal.Web");
    }
}

public sealed class CliTestsOnSqlite() : CliTests(DatabaseKind.Sqlite);
public sealed class CliTestsOnPostgres() : CliTests(DatabaseKind.Postgres);
