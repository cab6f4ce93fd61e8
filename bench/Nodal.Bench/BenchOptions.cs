using System.Globalization;

namespace Nodal.Bench;

[Flags]
public enum WorkloadSet
{
    Departments = 1,
    Policy = 2,
    /// <summary>The relations registry (issue #4): map, registry lists, agreement pages.</summary>
    Relations = 4,
    /// <summary>Measurement and evaluation (issue #5): the plan dashboard (page and API), an indicator page, the measurements list, the maturity page, the section's front page.</summary>
    Monitoring = 16,
    All = Departments | Policy | Relations | Monitoring,
    /// <summary>The IATI import against a raw XmlReader pass (issue #4, item 12); not in <see cref="All"/>: it takes minutes.</summary>
    Iati = 8,
}

public sealed class BenchOptions
{
    public double Scale { get; private set; } = 1;
    public int NoiseOrganizations { get; private set; } = 10;
    /// <summary>Measuring time per workload; the request count is sized from the warm-up rate.</summary>
    public double Seconds { get; private set; } = 4;
    /// <summary>The most the warm-up may take; it stops earlier once the JIT has gone quiet.</summary>
    public double WarmupSeconds { get; private set; } = 90;
    /// <summary>When set, every workload runs exactly this many requests instead.</summary>
    public int? Requests { get; private set; }
    public int Concurrency { get; private set; } = 4;
    /// <summary>Interleaved rounds each workload's requests are split into.</summary>
    public int Rounds { get; private set; } = 3;
    public DatabaseKind? Database { get; private set; }
    public bool ShowSql { get; private set; }
    public bool Markdown { get; private set; }
    public bool Serve { get; private set; }
    public bool Help { get; private set; }
    /// <summary>Which endpoints to measure (ping always runs).</summary>
    public WorkloadSet Workloads { get; private set; } = WorkloadSet.All;
    /// <summary>Actions of each noise organization as a share of the measured one's (1: the same).</summary>
    public double NoiseActionShare { get; private set; } = 1;
    /// <summary>Indicators (and their measurements), externalities and evaluations of each noise organization as a share of the measured one's.</summary>
    public double NoiseMonitoringShare { get; private set; } = 1;
    public bool GenerateOnly { get; private set; }
    /// <summary>After measuring, time the overview's parts one by one (its queries, their materialization, the figures).</summary>
    public bool Breakdown { get; private set; } = true;
    /// <summary>Generate, start, time the overview's parts, and stop (no load).</summary>
    public bool BreakdownOnly { get; private set; }
    /// <summary>The size of the generated IATI file (with <c>--workloads iati</c>).</summary>
    public double IatiMegabytes { get; private set; } = 200;

    public const string Usage = """
        Nodal benchmark: generates a large city's data, runs the app in-process on a real socket and
        measures its endpoints against /ping (and the API against its own SQL) in the same run.

          dotnet run -c Release --project bench/Nodal.Bench -- [options]

          --scale X          multiply every per-organization count (default 1: 60 departments, 500 users…)
          --orgs N           organizations of the same size besides the measured one (default 10)
          --seconds S        measuring time per workload and concurrency (default 4); the request
                             count is fixed beforehand from the warm-up rate
          --requests N       run exactly N requests per workload and concurrency instead
          --rounds N         interleaved rounds the requests are split into (default 3)
          --warmup S         longest warm-up (default 90); it ends once the JIT has gone quiet
          --concurrency N    concurrent workers under load (default 4); every workload also runs with 1
          --db sqlite|postgres   default: postgres when NODAL_BENCH_POSTGRES is set, else sqlite
          --workloads all|departments|policy|relations|monitoring|iati
                             which endpoints to measure (default all; /ping always); several
                             with commas (policy,monitoring); iati (not in all): the IATI import
                             of a generated file against a raw XmlReader pass, with peak memory
          --iati-mb N        the IATI file's size in MB (default 200; the upload limit is 250)
          --noise-actions X  actions of each noise organization as a share of the measured
                             one's 10,000 (default 1: every organization a large city)
          --noise-monitoring X  indicators (with their 120 months of measurements), externalities
                             and evaluations of each noise organization as a share of the
                             measured one's (default 1)
          --generate-only    generate the data, print the counts and the time, and stop
          --no-breakdown     skip timing the overview's parts (queries, materialization, figures)
          --breakdown-only   generate, start, time the overview's parts, and stop (no load)
          --show-sql         print the SQL each endpoint sends
          --markdown         also print the results as Markdown tables
          --serve            generate the data, start the app, print a token, a cookie and wrk
                             commands, and wait for Ctrl+C instead of measuring
        """;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--scale": o.Scale = Positive(double.Parse(Next(), CultureInfo.InvariantCulture), "--scale"); break;
                case "--orgs": o.NoiseOrganizations = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seconds": o.Seconds = Positive(double.Parse(Next(), CultureInfo.InvariantCulture), "--seconds"); break;
                case "--warmup": o.WarmupSeconds = Positive(double.Parse(Next(), CultureInfo.InvariantCulture), "--warmup"); break;
                case "--requests": o.Requests = (int)Positive(int.Parse(Next(), CultureInfo.InvariantCulture), "--requests"); break;
                case "--rounds": o.Rounds = (int)Positive(int.Parse(Next(), CultureInfo.InvariantCulture), "--rounds"); break;
                case "--concurrency": o.Concurrency = (int)Positive(int.Parse(Next(), CultureInfo.InvariantCulture), "--concurrency"); break;
                case "--db":
                    o.Database = Next().ToLowerInvariant() switch
                    {
                        "sqlite" => DatabaseKind.Sqlite,
                        "postgres" or "postgresql" => DatabaseKind.Postgres,
                        var other => throw new ArgumentException($"Unknown database '{other}': use sqlite or postgres."),
                    };
                    break;
                case "--workloads":
                    o.Workloads = 0;
                    foreach (var set in Next().ToLowerInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        o.Workloads |= set switch
                        {
                            "all" => WorkloadSet.All,
                            "departments" => WorkloadSet.Departments,
                            "policy" or "plans" => WorkloadSet.Policy,
                            "relations" or "registry" => WorkloadSet.Relations,
                            "monitoring" or "measurement" => WorkloadSet.Monitoring,
                            "iati" => WorkloadSet.Iati,
                            var other => throw new ArgumentException($"Unknown workloads '{other}': use all, departments, policy, relations, monitoring or iati."),
                        };
                    if (o.Workloads == 0) throw new ArgumentException("--workloads needs at least one set.");
                    break;
                case "--noise-actions":
                    o.NoiseActionShare = double.Parse(Next(), CultureInfo.InvariantCulture);
                    if (o.NoiseActionShare is < 0 or > 1) throw new ArgumentException("--noise-actions is a share from 0 to 1.");
                    break;
                case "--noise-monitoring":
                    o.NoiseMonitoringShare = double.Parse(Next(), CultureInfo.InvariantCulture);
                    if (o.NoiseMonitoringShare is < 0 or > 1) throw new ArgumentException("--noise-monitoring is a share from 0 to 1.");
                    break;
                case "--iati-mb": o.IatiMegabytes = Positive(double.Parse(Next(), CultureInfo.InvariantCulture), "--iati-mb"); break;
                case "--generate-only": o.GenerateOnly = true; break;
                case "--no-breakdown": o.Breakdown = false; break;
                case "--breakdown-only": o.BreakdownOnly = true; break;
                case "--show-sql": o.ShowSql = true; break;
                case "--markdown": o.Markdown = true; break;
                case "--serve": o.Serve = true; break;
                case "-h" or "--help": o.Help = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        if (o.NoiseOrganizations < 0) throw new ArgumentException("--orgs cannot be negative.");
        return o;
    }

    private static double Positive(double v, string name) => v > 0 ? v : throw new ArgumentException($"{name} must be positive.");
}
