namespace Nodal.Bench.Data;

/// <summary>
/// How much data a large city government has, per organization, and how many other organizations
/// share the database (tenant noise: every list must stay fast because the tenant filter uses an
/// index, not because the table is small).
///
/// A feature that adds a kind of record adds its count here (scaled with <see cref="Scaled"/>) and a
/// <see cref="IDatasetPart"/> to <see cref="Parts"/>, e.g. 10,000 actions, 2,000 partners,
/// 500 indicators × 120 periods.
/// </summary>
public class LargeCityProfile
{
    /// <summary>Multiplies every per-organization count (0.1 for a quick try, 10 for a stress run).</summary>
    public double Scale { get; init; } = 1;

    /// <summary>Organizations of the same size besides the measured one.</summary>
    public int NoiseOrganizations { get; init; } = 10;

    /// <summary>Seed of the pseudo-random choices, so two runs build the same data.</summary>
    public int RandomSeed { get; init; } = 20261124;

    /// <summary>Password of every generated user (all share one hash: hashing 5,500 passwords would take minutes).</summary>
    public string Password { get; init; } = "Bench-Password-2026";

    public const string MeasuredSlug = "metropolis";

    /// <summary>A real city has 30–60 departments (secretariats, directorates).</summary>
    public int Departments => Scaled(60);
    public int OfficeUnits => Scaled(8);
    /// <summary>Years of office capacity records, ending with the current year.</summary>
    public int OfficeYears => Scaled(15);
    /// <summary>Users, each with one membership in the organization.</summary>
    public int Users => Scaled(500);
    public int Administrators => Math.Min(Users, 2);
    public int Coordinators => Math.Min(Users - Administrators, Scaled(8));
    public int FocalPointsPerDepartment { get; init; } = 2;
    public int Contributors => Scaled(70);
    /// <summary>Changes made to every department after its creation: each is one more row of its history.</summary>
    public int EditsPerDepartment { get; init; } = 6;

    /// <summary>Records per SaveChanges when loading in bulk.</summary>
    public int BatchSize { get; init; } = 1000;

    public int TotalOrganizations => 1 + NoiseOrganizations;

    /// <summary>The generation steps, run in order for every organization. Later steps may use what earlier ones made.</summary>
    public virtual IReadOnlyList<IDatasetPart> Parts =>
    [
        new DepartmentsPart(),
        new OfficePart(),
        new PeoplePart(),
        new DepartmentHistoryPart(),
    ];

    public int Scaled(int baseCount) => Math.Max(1, (int)Math.Round(baseCount * Scale));

    public virtual IEnumerable<(string Name, int Count)> Describe() =>
    [
        ("organizations", TotalOrganizations),
        ("departments per organization", Departments),
        ("office units per organization", OfficeUnits),
        ("office years per organization", OfficeYears),
        ("users (memberships) per organization", Users),
        ("edits per department (history rows)", EditsPerDepartment),
    ];
}
