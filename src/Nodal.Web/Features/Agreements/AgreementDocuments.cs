using Nodal.Core.Relations;

namespace Nodal.Web.Features.Agreements;

public sealed record AgreementDocumentDto(Guid Id, Guid AgreementId, string FileName, string ContentType, long Size, string Sha256, string? Title, DateTime CreatedAt);

/// <summary>
/// The files of agreements: PDF or DOCX only, recognised from their content (never from the name or the declared
/// type), at most 20 MB, stored once per content under {DataDirectory}/documents/{organization}/{sha256}, outside the
/// web root (<see cref="StoredFiles"/>).
/// </summary>
public sealed class AgreementDocumentService(NodalDbContext db, StoredFiles files, IStringLocalizer<SharedResource> L)
{
    public const long MaxBytes = StoredFiles.MaxBytes;
    public const string PdfType = "application/pdf";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Area = "documents";
    private static readonly FileKind[] Allowed = [FileKind.Pdf, FileKind.Docx];

    public string PathOf(AgreementDocument d) => files.PathOf(Area, d.OrganizationId, d.Sha256);

    public Task<List<AgreementDocument>> ListAsync(Guid agreementId, CancellationToken ct) =>
        db.AgreementDocuments.AsNoTracking().Where(d => d.AgreementId == agreementId).OrderByDescending(d => d.CreatedAt).ToListAsync(ct);

    public Task<AgreementDocument?> FindAsync(Guid agreementId, Guid id, CancellationToken ct) =>
        db.AgreementDocuments.FirstOrDefaultAsync(d => d.Id == id && d.AgreementId == agreementId, ct);

    public static AgreementDocumentDto ToDto(AgreementDocument d) => new(d.Id, d.AgreementId, d.FileName, d.ContentType, d.Size, d.Sha256, d.Title, d.CreatedAt);

    /// <summary>The reason an upload is refused before reading it (declared too large), or null.</summary>
    public string? RefuseDeclaredLength(long? contentLength) => files.RefuseDeclaredLength(contentLength);

    /// <summary>
    /// Reads the upload into a temporary file (refusing it past the limit), recognises its type, and stores it.
    /// Returns the record (not saved) or the reason it was refused; nothing is left on disk when refused.
    /// </summary>
    public async Task<(AgreementDocument? Document, string? Error)> AddAsync(Agreement agreement, Stream content, string? fileName, string? title, CancellationToken ct)
    {
        var (stored, error) = await files.SaveAsync(Area, content, Allowed,
            L["Only PDF and Word (DOCX) documents can be attached; this file is neither, whatever its name says."], ct);
        if (stored is null) return (null, error);
        var doc = new AgreementDocument
        {
            AgreementId = agreement.Id, FileName = StoredFiles.CleanName(fileName, stored.Kind, "document"), ContentType = stored.ContentType,
            Size = stored.Size, Sha256 = stored.Sha256,
            Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim()[..Math.Min(title.Trim().Length, 300)],
        };
        db.AgreementDocuments.Add(doc);
        return (doc, null);
    }

    /// <summary>Moves the record to the Trash; the file stays (restoring brings it back, and other records may share it).</summary>
    public async Task DeleteAsync(AgreementDocument d, CancellationToken ct)
    {
        db.AgreementDocuments.Remove(d);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The answer of a download: the stored bytes as an attachment, never shown inline.</summary>
    public IResult Download(AgreementDocument d, HttpResponse response) => StoredFiles.Download(PathOf(d), d.ContentType, d.FileName, response);
}
