using Microsoft.AspNetCore.Http.Features;

namespace Nodal.Web.Features.Actions.Spreadsheet;

/// <summary>An uploaded file and the plan chosen with it, or why it was refused before being read.</summary>
public sealed record SpreadsheetUploadResult(byte[]? Data, Guid? PlanId, bool PlanInvalid, bool FormRead, ImportReport? Refusal);

/// <summary>
/// Reads an upload with its size checked first: a body announced larger than the limit is refused without
/// reading it, and a body without a length is cut at the limit. Accepts multipart/form-data (fields "file" and
/// "plan") or, for scripts, the file itself as the body (plan in the query string).
/// </summary>
public static class SpreadsheetUpload
{
    /// <summary>Room for the multipart envelope and the other fields around the file.</summary>
    private const long Envelope = 256 * 1024;
    public const long MaxRequestBytes = SpreadsheetFile.MaxBytes + Envelope;

    public static async Task<SpreadsheetUploadResult> ReadAsync(HttpRequest request, IStringLocalizer L, CancellationToken ct)
    {
        var (planId, planInvalid) = ParsePlan(request.Query["plan"]);
        if (request.ContentLength > MaxRequestBytes) return new(null, planId, planInvalid, false, ActionSpreadsheet.TooLarge(L));
        var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = MaxRequestBytes;

        try
        {
            if (request.HasFormContentType)
            {
                request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
                {
                    MultipartBodyLengthLimit = SpreadsheetFile.MaxBytes + 1,
                    ValueCountLimit = 16,
                    ValueLengthLimit = 4096,
                    BufferBodyLengthLimit = MaxRequestBytes,
                }));
                var form = await request.ReadFormAsync(ct);
                if (form.TryGetValue("plan", out var formPlan) && !string.IsNullOrWhiteSpace(formPlan)) (planId, planInvalid) = ParsePlan(formPlan);
                var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
                if (file is null || file.Length == 0)
                    return new(null, planId, planInvalid, true, ImportReport.Refused(file is null ? L["Choose a file to import."] : L["The file is empty."]));
                if (file.Length > SpreadsheetFile.MaxBytes) return new(null, planId, planInvalid, true, ActionSpreadsheet.TooLarge(L));
                var data = new byte[file.Length];
                await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(data, ct);
                return new(data, planId, planInvalid, true, planInvalid ? ImportReport.Refused(L["This plan does not exist."]) : null);
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + n > SpreadsheetFile.MaxBytes) return new(null, planId, planInvalid, false, ActionSpreadsheet.TooLarge(L));
                buffer.Write(chunk, 0, n);
            }
            return buffer.Length == 0
                ? new(null, planId, planInvalid, false, ImportReport.Refused(L["Choose a file to import."]))
                : new(buffer.ToArray(), planId, planInvalid, false, planInvalid ? ImportReport.Refused(L["This plan does not exist."]) : null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, planId, planInvalid, false, ActionSpreadsheet.TooLarge(L));
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, planId, planInvalid, false, ActionSpreadsheet.TooLarge(L));
        }
        catch (InvalidDataException)
        {
            return new(null, planId, planInvalid, false, ImportReport.Refused(L["The upload could not be read. Choose the file and send it again."]));
        }
    }

    private static (Guid? Id, bool Invalid) ParsePlan(string? value) =>
        string.IsNullOrWhiteSpace(value) ? (null, false) : Guid.TryParse(value, out var id) ? (id, false) : (null, true);
}
