using System.Globalization;
using MimeKit;
using Nodal.Web.Features.Monitoring;

namespace Nodal.Web.Features.Measurements;

/// <summary>A reminder ready to send to one department's focal points: who, the words, a mailto: link.</summary>
public sealed record Reminder(DueDepartment Department, IReadOnlyList<FocalPoint> To, string Subject, string Body, string Mailto);

/// <summary>
/// Reminders ready to send (/measurements/reminders): for each department with measurements due and missing, its focal
/// points and a message in the organization's main language listing what is missing, with due dates and links; to open
/// in a mail client (mailto:) or to download as an .eml file.
/// </summary>
[Requires(Capability.ValidateMeasurements)]
public sealed class RemindersModel(MeasurementDueService due, NodalDbContext db, TenantContext tenant, IStringLocalizer<SharedResource> L) : PageModel
{
    [FromQuery(Name = "plan")] public Guid? PlanId { get; set; }
    public IReadOnlyList<PlanChoice> Plans { get; private set; } = [];
    public PlanChoice? Plan { get; private set; }
    public IReadOnlyList<Reminder> Reminders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The department's reminder as an RFC 5322 message (marked unsent, so mail clients open it as a draft).</summary>
    public async Task<IActionResult> OnGetEmlAsync(Guid department, CancellationToken ct)
    {
        await LoadAsync(ct);
        var r = Reminders.FirstOrDefault(x => x.Department.Id == department);
        if (r is null) return NotFound();
        var message = new MimeMessage();
        var sender = tenant.UserId is { } uid ? await db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct) : null;
        if (sender?.Email is { } from) message.From.Add(new MailboxAddress(sender.DisplayName, from));
        foreach (var p in r.To) message.To.Add(new MailboxAddress(p.Name, p.Email));
        message.Subject = r.Subject;
        message.Date = DateTimeOffset.UtcNow;
        message.Headers.Add("X-Unsent", "1");
        message.Body = new TextPart("plain") { Text = r.Body };
        using var stream = new MemoryStream();
        await message.WriteToAsync(stream, ct);
        Response.Headers.CacheControl = "private, no-store";
        return File(stream.ToArray(), "message/rfc822", $"reminder-{r.Department.Code}.eml");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Plans = await due.PlansAsync(ct);
        Plan = MeasurementDueService.Choose(Plans, PlanId);
        if (Plan is null) return;
        var rows = (await due.ForPlanAsync(Plan.Id, null, ct)).Where(d => d.Missing.Count > 0).ToList();
        var focal = await due.FocalPointsAsync(ct);
        var baseUrl = $"{Request.Scheme}://{Request.Host}/{tenant.OrganizationSlug}";
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == tenant.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct);

        // The message speaks the organization's main language, whatever the language of whoever prepares it.
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var language = CultureInfo.GetCultureInfo(tenant.DefaultLanguage is "es" or "en" or "fr" ? tenant.DefaultLanguage : "es");
        var list = new List<Reminder>();
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = language;
            foreach (var d in rows)
            {
                var subject = L["Measurements due: {0}", $"{d.Code} — {d.Name}"].Value;
                var body = new System.Text.StringBuilder();
                body.AppendLine(L["Hello,"]);
                body.AppendLine();
                body.AppendLine(L["These measurements of {0} are due and have not been submitted yet:", d.Name]);
                body.AppendLine();
                foreach (var x in d.Missing.OrderBy(x => x.Code, StringComparer.Ordinal).ThenBy(x => x.Period))
                {
                    var status = x.Status is { } s ? $" ({s.Label(L)})" : "";
                    body.AppendLine($"- {x.Code} {x.Name}: {Nodal.Core.Monitoring.Periods.Label(x.Period, x.Frequency, language)}{status}; {L["due on {0}", x.DueOn.ToString("d", language)]}");
                    body.AppendLine("  " + (x.MeasurementId is { } mid
                        ? $"{baseUrl}/measurements/{mid}"
                        : $"{baseUrl}/measurements/new?indicator={x.IndicatorId}&period={Nodal.Core.Monitoring.Periods.Key(x.Period, x.Frequency)}"));
                }
                body.AppendLine();
                body.AppendLine(L["All of the department's indicators can be entered at once in the grid: {0}", $"{baseUrl}/measurements/grid?plan={Plan.Id}&department={d.Id}"]);
                body.AppendLine();
                body.AppendLine(L["Thank you."]);
                body.AppendLine(org?.Get(language.TwoLetterISOLanguageName, tenant.DefaultLanguage) ?? "");
                var text = body.ToString().ReplaceLineEndings("\n");
                var to = focal[d.Id].ToList();
                var mailto = "mailto:" + string.Join(",", to.Select(p => Uri.EscapeDataString(p.Email).Replace("%40", "@", StringComparison.Ordinal)))
                             + "?subject=" + Uri.EscapeDataString(subject) + "&body=" + Uri.EscapeDataString(text.Replace("\n", "\r\n", StringComparison.Ordinal));
                list.Add(new Reminder(d, to, subject, text, mailto));
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = culture;
        }
        Reminders = list;
    }
}
