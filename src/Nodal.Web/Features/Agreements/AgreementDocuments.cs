using System.IO.Compression;
using System.Security.Cryptography;
using Nodal.Core.Relations;

namespace Nodal.Web.Features.Agreements;

public sealed record AgreementDocumentDto(Guid Id, Guid AgreementId, string FileName, string ContentType, long Size, string Sha256, string? Title, DateTime CreatedAt);

/// <summary>
/// The files of agreements: PDF or DOCX only, recognised from their content (never from the name or the declared
/// type), at most 20 MB, stored once per content under {DataDirectory}/documents/{organization}/{sha256}, outside the web root.
/// </summary>
public sealed class AgreementDocumentService(NodalDbContext db, TenantContext tenant, NodalOptions options, IStringLocalizer<SharedResource> L)
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public const string PdfType = "application/pdf";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /// <summary>A DOCX holds a few dozen parts; far more, or far more inflated bytes, is not a document.</summary>
    private const int MaxZipEntries = 2000;
    private const long MaxUncompressed = 200L * 1024 * 1024;

    private string Folder(Guid organizationId) =>
        Path.Combine(Path.GetFullPath(options.DataDirectory), "documents", organizationId.ToString("N"));

    public string PathOf(AgreementDocument d) => Path.Combine(Folder(d.OrganizationId), d.Sha256);

    public Task<List<AgreementDocument>> ListAsync(Guid agreementId, CancellationToken ct) =>
        db.AgreementDocuments.AsNoTracking().Where(d => d.AgreementId == agreementId).OrderByDescending(d => d.CreatedAt).ToListAsync(ct);

    public Task<AgreementDocument?> FindAsync(Guid agreementId, Guid id, CancellationToken ct) =>
        db.AgreementDocuments.FirstOrDefaultAsync(d => d.Id == id && d.AgreementId == agreementId, ct);

    public static AgreementDocumentDto ToDto(AgreementDocument d) => new(d.Id, d.AgreementId, d.FileName, d.ContentType, d.Size, d.Sha256, d.Title, d.CreatedAt);

    /// <summary>The reason an upload is refused before reading it (declared too large), or null.</summary>
    public string? RefuseDeclaredLength(long? contentLength) =>
        contentLength > MaxBytes + 64 * 1024 ? TooLarge() : null;

    private string TooLarge() => L["The file is larger than {0} MB.", MaxBytes / (1024 * 1024)];

    /// <summary>
    /// Reads the upload into a temporary file (refusing it past the limit), recognises its type, and stores it.
    /// Returns the record (not saved) or the reason it was refused; nothing is left on disk when refused.
    /// </summary>
    public async Task<(AgreementDocument? Document, string? Error)> AddAsync(Agreement agreement, Stream content, string? fileName, string? title, CancellationToken ct)
    {
        var orgId = tenant.OrganizationId ?? throw new InvalidOperationException("No organization.");
        var folder = Folder(orgId);
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".upload-{Guid.NewGuid():N}");
        try
        {
            long size = 0;
            string hash;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > MaxBytes) return (null, TooLarge());
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            if (size == 0) return (null, L["The file is empty."]);
            var type = Sniff(temp);
            if (type is null) return (null, L["Only PDF and Word (DOCX) documents can be attached; this file is neither, whatever its name says."]);

            var target = Path.Combine(folder, hash);
            if (File.Exists(target)) File.Delete(temp);
            else File.Move(temp, target);

            var name = CleanName(fileName, type);
            var doc = new AgreementDocument
            {
                AgreementId = agreement.Id, FileName = name, ContentType = type, Size = size, Sha256 = hash,
                Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim()[..Math.Min(title.Trim().Length, 300)],
            };
            db.AgreementDocuments.Add(doc);
            return (doc, null);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>PDF (starts with %PDF-) or DOCX (a zip with [Content_Types].xml and word/document.xml, within sane limits); else null.</summary>
    public static string? Sniff(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[5];
        var n = stream.Read(head);
        if (n == 5 && head.SequenceEqual("%PDF-"u8)) return PdfType;
        if (n < 4 || !head[..4].SequenceEqual("PK\u0003\u0004"u8)) return null;
        stream.Position = 0;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxZipEntries) return null;
            long total = 0;
            bool types = false, document = false;
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                if (total > MaxUncompressed || e.Length < 0) return null;
                // A part inflating more than a thousandfold is a bomb, not a document.
                if (e.CompressedLength > 0 && e.Length / e.CompressedLength > 1000 && e.Length > 1024 * 1024) return null;
                if (e.FullName == "[Content_Types].xml") types = true;
                if (e.FullName == "word/document.xml") document = true;
            }
            return types && document ? DocxType : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string CleanName(string? fileName, string type)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray()).Trim();
        if (name.Length > 200) name = name[^200..];
        var ext = type == PdfType ? ".pdf" : ".docx";
        if (name.Length == 0) name = "document" + ext;
        else if (!name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) name += ext;
        return name;
    }

    /// <summary>Moves the record to the Trash; the file stays (restoring brings it back, and other records may share it).</summary>
    public async Task DeleteAsync(AgreementDocument d, CancellationToken ct)
    {
        db.AgreementDocuments.Remove(d);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The answer of a download: the stored bytes as an attachment, never shown inline.</summary>
    public IResult Download(AgreementDocument d, HttpResponse response)
    {
        var path = PathOf(d);
        if (!File.Exists(path)) return Results.NotFound();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return Results.File(path, d.ContentType, d.FileName);
    }
}
