namespace Nodal.Web.Infrastructure;

/// <summary>The "Nodal" configuration section. Every setting is listed in docs/OPERATIONS.md.</summary>
public sealed class NodalOptions
{
    public string DataDirectory { get; set; } = "./data";
    public DatabaseOptions Database { get; set; } = new();
    public AdminOptions Admin { get; set; } = new();
    public DemoOptions Demo { get; set; } = new();
    public SecurityOptions Security { get; set; } = new();
    /// <summary>Console log format: "simple" or "json" (structured, one object per line).</summary>
    public string LogFormat { get; set; } = "simple";

    public sealed class DatabaseOptions
    {
        /// <summary>Sqlite (default) or Postgres.</summary>
        public string Provider { get; set; } = "Sqlite";
        /// <summary>Apply pending migrations at start (default true).</summary>
        public bool Migrate { get; set; } = true;
    }

    public sealed class AdminOptions
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    public sealed class DemoOptions
    {
        /// <summary>Seed the demo organizations when the database has no organization.</summary>
        public bool Seed { get; set; } = true;
        /// <summary>Password of the demo users; generated and printed once when unset.</summary>
        public string? Password { get; set; }
    }

    public sealed class SecurityOptions
    {
        public int MaxFailedSignIns { get; set; } = 5;
        public int LockoutMinutes { get; set; } = 15;
        public int PasswordMinLength { get; set; } = 12;
    }
}
