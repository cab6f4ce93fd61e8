using Nodal.Core.Relations;

namespace Nodal.Tests;

/// <summary>Worked examples of an agreement's health: last activity, dormancy, expiry notice and life cycle.</summary>
public sealed class AgreementHealthTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2024-01-31", "2024-02-29", 1)] // from the 31st, a month is complete on the last day of February (leap year)
    [InlineData("2023-01-31", "2023-02-28", 1)]
    [InlineData("2023-01-31", "2023-02-27", 0)]
    [InlineData("2024-02-29", "2025-02-28", 12)] // a leap day: one year later is the 28th
    [InlineData("2024-03-31", "2024-04-30", 1)]
    [InlineData("2024-03-30", "2024-04-29", 0)]
    [InlineData("2024-01-15", "2026-02-14", 24)]
    [InlineData("2024-01-15", "2026-02-15", 25)]
    [InlineData("2024-05-10", "2024-05-10", 0)]
    [InlineData("2024-05-10", "2023-05-10", 0)] // backwards counts as none
    public void Counts_whole_months_with_month_ends_clamped(string from, string to, int months) =>
        Assert.Equal(months, AgreementHealth.WholeMonths(D(from), D(to)));

    [Fact]
    public void The_last_activity_is_the_latest_past_date()
    {
        var today = D("2026-06-01");
        // A ledger entry, a mission that ended, and a visit planned for next month (not activity yet).
        Assert.Equal(D("2025-11-20"), AgreementHealth.LastActivity([D("2024-03-01"), D("2025-11-20"), null, D("2026-07-15")], today));
        Assert.Null(AgreementHealth.LastActivity([], today));
        Assert.Null(AgreementHealth.LastActivity([D("2027-01-01")], today));
    }

    [Fact]
    public void An_action_counts_at_its_end_once_past_else_at_its_start()
    {
        var today = D("2026-06-01");
        Assert.Equal(D("2026-03-31"), AgreementHealth.ActionActivity(D("2026-01-10"), D("2026-03-31"), today));
        Assert.Equal(D("2026-01-10"), AgreementHealth.ActionActivity(D("2026-01-10"), D("2026-12-31"), today)); // running
        Assert.Null(AgreementHealth.ActionActivity(D("2026-09-01"), D("2026-12-31"), today)); // not started
        Assert.Null(AgreementHealth.ActionActivity(null, null, today));
    }

    [Fact]
    public void A_twinning_with_no_activity_for_25_months_is_dormant_under_a_24_month_period()
    {
        var today = D("2026-06-15");
        // Signed in 2019, last exchange 15 May 2024: 25 whole months ago.
        Assert.True(AgreementHealth.IsDormant(AgreementStatus.Active, D("2019-04-01"), D("2019-05-01"), D("2024-05-15"), 24, today));
        Assert.Equal(25, AgreementHealth.QuietMonths(D("2019-04-01"), D("2019-05-01"), D("2024-05-15"), today));
        // A ledger entry last month: alive again.
        Assert.False(AgreementHealth.IsDormant(AgreementStatus.Active, D("2019-04-01"), D("2019-05-01"), D("2026-05-20"), 24, today));
        // The same silence under a 36-month period is not dormant yet.
        Assert.False(AgreementHealth.IsDormant(AgreementStatus.Active, D("2019-04-01"), D("2019-05-01"), D("2024-05-15"), 36, today));
    }

    [Fact]
    public void Dormancy_counts_from_the_latest_of_activity_effective_and_signing_dates()
    {
        var today = D("2026-06-15");
        // No activity at all, but signed four months ago: not dormant.
        Assert.False(AgreementHealth.IsDormant(AgreementStatus.Active, D("2026-02-10"), null, null, 24, today));
        // No activity since the signing 24 months ago to the day: dormant.
        Assert.True(AgreementHealth.IsDormant(AgreementStatus.Active, D("2024-06-15"), null, null, 24, today));
        Assert.False(AgreementHealth.IsDormant(AgreementStatus.Active, D("2024-06-16"), null, null, 24, today));
        // An old activity before a recent effective date does not make it dormant.
        Assert.False(AgreementHealth.IsDormant(AgreementStatus.Active, D("2020-01-01"), D("2026-01-01"), D("2020-02-01"), 24, today));
        // Nothing to count from: not judged.
        Assert.False(AgreementHealth.IsDormant(AgreementStatus.Active, null, null, null, 24, today));
    }

    [Theory]
    [InlineData(AgreementStatus.Draft)]
    [InlineData(AgreementStatus.Signed)]
    [InlineData(AgreementStatus.Expired)]
    [InlineData(AgreementStatus.Terminated)]
    [InlineData(AgreementStatus.Renewed)]
    public void Only_active_agreements_can_be_dormant(AgreementStatus status) =>
        Assert.False(AgreementHealth.IsDormant(status, D("2010-01-01"), D("2010-01-01"), null, 24, D("2026-06-15")));

    [Fact]
    public void Dormancy_at_a_month_end()
    {
        // Last activity on 31 August 2024; 24 months later is 31 August 2026, 12 months later 28 February 2026.
        Assert.False(AgreementHealth.IsDormant(AgreementStatus.Active, null, null, D("2024-08-31"), 24, D("2026-08-30")));
        Assert.True(AgreementHealth.IsDormant(AgreementStatus.Active, null, null, D("2024-08-31"), 24, D("2026-08-31")));
        Assert.False(AgreementHealth.IsDormant(AgreementStatus.Active, null, null, D("2025-02-28"), 12, D("2026-02-27")));
        Assert.True(AgreementHealth.IsDormant(AgreementStatus.Active, null, null, D("2025-08-31"), 6, D("2026-02-28")));
    }

    [Theory]
    [InlineData(null, ExpiryNotice.None)]
    [InlineData("2026-12-31", ExpiryNotice.None)]
    [InlineData("2026-09-14", ExpiryNotice.None)]          // 91 days
    [InlineData("2026-09-13", ExpiryNotice.Within90Days)]  // 90 days
    [InlineData("2026-08-15", ExpiryNotice.Within90Days)]  // 61 days
    [InlineData("2026-08-14", ExpiryNotice.Within90Days)]  // 60 days
    [InlineData("2026-07-16", ExpiryNotice.Within90Days)]  // 31 days
    [InlineData("2026-07-15", ExpiryNotice.Within30Days)]  // 30 days
    [InlineData("2026-07-05", ExpiryNotice.Within30Days)]  // 20 days
    [InlineData("2026-06-15", ExpiryNotice.Within30Days)]  // today: still valid through the day
    [InlineData("2026-06-14", ExpiryNotice.Expired)]
    public void The_expiry_notice_counts_days_to_the_expiry(string? expiresOn, ExpiryNotice expected) =>
        Assert.Equal(expected, AgreementHealth.Expiry(expiresOn is null ? null : D(expiresOn), D("2026-06-15")));

    [Fact]
    public void An_active_agreement_past_its_expiry_reads_expired_but_a_closed_one_raises_nothing()
    {
        var today = D("2026-06-15");
        Assert.Equal(ExpiryNotice.Expired, AgreementHealth.ExpiryFor(AgreementStatus.Active, D("2026-01-31"), today));
        Assert.Equal(ExpiryNotice.None, AgreementHealth.ExpiryFor(AgreementStatus.Expired, D("2026-01-31"), today));
        Assert.Equal(ExpiryNotice.None, AgreementHealth.ExpiryFor(AgreementStatus.Renewed, D("2026-07-01"), today));
        Assert.Equal(ExpiryNotice.Within30Days, AgreementHealth.ExpiryFor(AgreementStatus.Signed, D("2026-07-01"), today));
    }

    [Theory]
    [InlineData(AgreementStatus.Draft, AgreementStatus.LegalReview, true)]
    [InlineData(AgreementStatus.LegalReview, AgreementStatus.Approved, true)]
    [InlineData(AgreementStatus.LegalReview, AgreementStatus.Draft, true)]
    [InlineData(AgreementStatus.Approved, AgreementStatus.Signed, true)]
    [InlineData(AgreementStatus.Signed, AgreementStatus.Active, true)]
    [InlineData(AgreementStatus.Signed, AgreementStatus.Terminated, true)]
    [InlineData(AgreementStatus.Active, AgreementStatus.Expired, true)]
    [InlineData(AgreementStatus.Active, AgreementStatus.Terminated, true)]
    [InlineData(AgreementStatus.Active, AgreementStatus.Renewed, true)]
    [InlineData(AgreementStatus.Draft, AgreementStatus.Active, false)]
    [InlineData(AgreementStatus.Draft, AgreementStatus.Signed, false)]
    [InlineData(AgreementStatus.Approved, AgreementStatus.Draft, false)]
    [InlineData(AgreementStatus.Approved, AgreementStatus.Terminated, false)]
    [InlineData(AgreementStatus.Expired, AgreementStatus.Active, false)]
    [InlineData(AgreementStatus.Terminated, AgreementStatus.Active, false)]
    [InlineData(AgreementStatus.Renewed, AgreementStatus.Active, false)]
    [InlineData(AgreementStatus.Active, AgreementStatus.Active, false)]
    public void The_life_cycle_allows_only_its_steps(AgreementStatus from, AgreementStatus to, bool allowed) =>
        Assert.Equal(allowed, AgreementHealth.CanMove(from, to));
}
