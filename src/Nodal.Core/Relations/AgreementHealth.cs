namespace Nodal.Core.Relations;

/// <summary>How close an agreement is to its expiry date.</summary>
public enum ExpiryNotice
{
    /// <summary>No end date, or more than 90 days away.</summary>
    None = 0,
    /// <summary>Expires within 90 days (31 to 90 days from today).</summary>
    Within90Days = 1,
    /// <summary>Expires within 30 days (today included).</summary>
    Within30Days = 2,
    /// <summary>The expiry date has passed.</summary>
    Expired = 3,
}

/// <summary>
/// Whether an agreement lives (paper: twinning "at risk of being merely symbolic"), and its life cycle.
/// Pure functions: the callers gather the dates, these decide.
/// </summary>
public static class AgreementHealth
{
    /// <summary>Days before expiry from which an agreement is shown as expiring.</summary>
    public const int NoticeDays = 90;
    /// <summary>Days before expiry from which the notice is urgent.</summary>
    public const int UrgentDays = 30;

    /// <summary>
    /// The date an action counts as activity of the agreements it is linked to: its end once past, else its start
    /// (null for an action with neither, or that has not started yet).
    /// </summary>
    public static DateOnly? ActionActivity(DateOnly? start, DateOnly? end, DateOnly today)
    {
        if (end is { } e && e <= today) return e;
        if (start is { } s && s <= today) return s;
        return null;
    }

    /// <summary>
    /// The last activity: the latest of the dates given that is not in the future (a planned visit is not activity yet).
    /// Null when there is none.
    /// </summary>
    public static DateOnly? LastActivity(IEnumerable<DateOnly?> dates, DateOnly today)
    {
        DateOnly? last = null;
        foreach (var d in dates)
            if (d is { } x && x <= today && (last is null || x > last)) last = x;
        return last;
    }

    /// <summary>
    /// <paramref name="from"/> plus whole months, clamped at the end of a short month
    /// (31 January + 1 month = 28 or 29 February).
    /// </summary>
    public static DateOnly AddMonths(DateOnly from, int months) => from.AddMonths(months);

    /// <summary>
    /// Whole months from <paramref name="from"/> to <paramref name="to"/> (0 when <paramref name="to"/> is not after it).
    /// A month is complete on the same day of the month, or on the last day of a shorter month:
    /// from 31 January, one month is complete on 28 (or 29) February.
    /// </summary>
    public static int WholeMonths(DateOnly from, DateOnly to)
    {
        if (to <= from) return 0;
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (AddMonths(from, months) > to) months--;
        return Math.Max(0, months);
    }

    /// <summary>
    /// The date quiet time counts from: the latest of the last activity, the effective date and the signing date
    /// (an agreement signed last month is not dormant for lack of older activity). Null when none is known.
    /// </summary>
    public static DateOnly? QuietSince(DateOnly? signedOn, DateOnly? effectiveFrom, DateOnly? lastActivity)
    {
        DateOnly? since = null;
        foreach (var d in new[] { lastActivity, effectiveFrom, signedOn })
            if (d is { } x && (since is null || x > since)) since = x;
        return since;
    }

    /// <summary>
    /// Whether an agreement is at risk of being merely symbolic: it is active, and nothing happened for at least
    /// <paramref name="dormancyMonths"/> whole months since the latest of its last activity, effective date and signing date.
    /// An active agreement with none of these dates is not judged (nothing to count from).
    /// </summary>
    public static bool IsDormant(AgreementStatus status, DateOnly? signedOn, DateOnly? effectiveFrom, DateOnly? lastActivity, int dormancyMonths, DateOnly today)
    {
        if (status != AgreementStatus.Active || dormancyMonths < 1) return false;
        return QuietSince(signedOn, effectiveFrom, lastActivity) is { } since && WholeMonths(since, today) >= dormancyMonths;
    }

    /// <summary>Whole months without activity (for the banner), or null when there is no date to count from.</summary>
    public static int? QuietMonths(DateOnly? signedOn, DateOnly? effectiveFrom, DateOnly? lastActivity, DateOnly today) =>
        QuietSince(signedOn, effectiveFrom, lastActivity) is { } since ? WholeMonths(since, today) : null;

    /// <summary>
    /// How close the expiry is: expired once the date has passed (the agreement is valid through its expiry day);
    /// within 30 days from the day itself to 30 days before; within 90 days up to 90 days before.
    /// </summary>
    public static ExpiryNotice Expiry(DateOnly? expiresOn, DateOnly today)
    {
        if (expiresOn is not { } e) return ExpiryNotice.None;
        var days = e.DayNumber - today.DayNumber;
        return days switch
        {
            < 0 => ExpiryNotice.Expired,
            <= UrgentDays => ExpiryNotice.Within30Days,
            <= NoticeDays => ExpiryNotice.Within90Days,
            _ => ExpiryNotice.None,
        };
    }

    /// <summary>
    /// The expiry notice that matters for an agreement in this status: only agreements still in force or on their way
    /// (not expired, terminated or renewed) are warned about. An active agreement past its expiry reads
    /// <see cref="ExpiryNotice.Expired"/>: its status was not updated.
    /// </summary>
    public static ExpiryNotice ExpiryFor(AgreementStatus status, DateOnly? expiresOn, DateOnly today) =>
        status is AgreementStatus.Expired or AgreementStatus.Terminated or AgreementStatus.Renewed
            ? ExpiryNotice.None
            : Expiry(expiresOn, today);

    private static readonly IReadOnlyDictionary<AgreementStatus, AgreementStatus[]> Transitions = new Dictionary<AgreementStatus, AgreementStatus[]>
    {
        [AgreementStatus.Draft] = [AgreementStatus.LegalReview],
        [AgreementStatus.LegalReview] = [AgreementStatus.Approved, AgreementStatus.Draft],
        [AgreementStatus.Approved] = [AgreementStatus.Signed],
        [AgreementStatus.Signed] = [AgreementStatus.Active, AgreementStatus.Terminated],
        [AgreementStatus.Active] = [AgreementStatus.Expired, AgreementStatus.Terminated, AgreementStatus.Renewed],
        [AgreementStatus.Expired] = [],
        [AgreementStatus.Terminated] = [],
        [AgreementStatus.Renewed] = [],
    };

    /// <summary>
    /// The statuses an agreement can move to next: draft → legal review → approved → signed → active → expired,
    /// terminated or renewed; legal review may send it back to draft; a signed or active agreement can be terminated.
    /// </summary>
    public static IReadOnlyList<AgreementStatus> Next(AgreementStatus from) =>
        Transitions.TryGetValue(from, out var next) ? next : [];

    public static bool CanMove(AgreementStatus from, AgreementStatus to) => Next(from).Contains(to);

    /// <summary>Whether an agreement in this status can be renewed (a new agreement takes over from it).</summary>
    public static bool CanRenew(AgreementStatus status) => CanMove(status, AgreementStatus.Renewed) || status == AgreementStatus.Expired;
}
