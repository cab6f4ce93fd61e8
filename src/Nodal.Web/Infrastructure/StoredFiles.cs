using System.IO.Compression;
using System.Security.Cryptography;

namespace Nodal.Web.Infrastructure;

/// <summary>The kinds of file Nodal accepts as attachments, each recognised from its content.</summary>
public enum FileKind
{
    Pdf,
    Docx,
    Xlsx,
    Png,
    Jpeg,
}

/// <summary>A file read, recognised and stored: its kind, MIME type, size and SHA-256 (also its name on disk).</summary>
public sealed record StoredFile(FileKind Kind, string ContentType, string Extension, long Size, string Sha256);

/// <summary>
/// Attachments stored under the data directory, outside the web root, once per content:
/// {DataDirectory}/{area}/{organization}/{sha256}. The type is recognised from the bytes (never from the name or the
/// declared type); ZIP-based documents (DOCX, XLSX) are inspected for bombs before they are accepted. Nothing is left
/// on disk when a file is refused.
/// </summary>
public sealed class StoredFiles(NodalOptions options, TenantContext tenant, IStringLocalizer<SharedResource> L)
{
    public const long MaxBytes = 20L * 1024 * 1024;
    /// <summary>An Office document holds a few dozen parts; far more, or far more inflated bytes, is not a document.</summary>
    private const int MaxZipEntries = 2000;
    private const long MaxUncompressed = 200L * 1024 * 1024;

    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Png => "image/png",
        _ => "image/jpeg",
    };

    public static string Extension(FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Docx => ".docx",
        FileKind.Xlsx => ".xlsx",
        FileKind.Png => ".png",
        _ => ".jpg",
    };

    public string Folder(string area, Guid organizationId) =>
        Path.Combine(Path.GetFullPath(options.DataDirectory), area, organizationId.ToString("N"));

    public string PathOf(string area, Guid organizationId, string sha256) => Path.Combine(Folder(area, organizationId), sha256);

    /// <summary>The reason an upload is refused before reading it (declared too large), or null.</summary>
    public string? RefuseDeclaredLength(long? contentLength) => contentLength > MaxBytes + 64 * 1024 ? TooLarge() : null;

    public string TooLarge() => L["The file is larger than {0} MB.", MaxBytes / (1024 * 1024)];

    /// <summary>
    /// Reads <paramref name="content"/> into a temporary file (refusing it past the limit), recognises its kind among
    /// <paramref name="allowed"/>, and keeps it under <paramref name="area"/>. Returns the file or the reason it was refused
    /// (<paramref name="refusedType"/> is the message for a kind not allowed).
    /// </summary>
    public async Task<(StoredFile? File, string? Error)> SaveAsync(string area, Stream content, IReadOnlyCollection<FileKind> allowed, string refusedType, CancellationToken ct)
    {
        var orgId = tenant.OrganizationId ?? throw new InvalidOperationException("No organization.");
        var folder = Folder(area, orgId);
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
            var kind = Sniff(temp);
            if (kind is null || !allowed.Contains(kind.Value)) return (null, refusedType);

            var target = Path.Combine(folder, hash);
            if (File.Exists(target)) File.Delete(temp);
            else File.Move(temp, target);
            return (new StoredFile(kind.Value, ContentType(kind.Value), Extension(kind.Value), size, hash), null);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>PDF, PNG, JPEG from their signatures; DOCX or XLSX from a ZIP's parts, within sane limits; else null.</summary>
    public static FileKind? Sniff(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[8];
        var n = stream.Read(head);
        if (n >= 5 && head[..5].SequenceEqual("%PDF-"u8)) return FileKind.Pdf;
        if (n == 8 && head.SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return FileKind.Png;
        if (n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return FileKind.Jpeg;
        if (n < 4 || !head[..4].SequenceEqual("PK\u0003\u0004"u8)) return null;
        stream.Position = 0;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxZipEntries) return null;
            long total = 0;
            bool types = false, word = false, excel = false;
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                if (total > MaxUncompressed || e.Length < 0) return null;
                // A part inflating more than a thousandfold is a bomb, not a document.
                if (e.CompressedLength > 0 && e.Length / e.CompressedLength > 1000 && e.Length > 1024 * 1024) return null;
                if (e.FullName == "[Content_Types].xml") types = true;
                if (e.FullName == "word/document.xml") word = true;
                if (e.FullName == "xl/workbook.xml") excel = true;
            }
            return !types ? null : word && !excel ? FileKind.Docx : excel && !word ? FileKind.Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The name to download the file under: the uploaded name without its folders and control characters, ending in the kind's extension.</summary>
    public static string CleanName(string? fileName, FileKind kind, string fallback)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray()).Trim();
        if (name.Length > 200) name = name[^200..];
        var ext = Extension(kind);
        if (name.Length == 0) return fallback + ext;
        if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase) || (kind == FileKind.Jpeg && name.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase))) return name;
        // A name claiming another known type (a PNG called scan.pdf) is corrected, not extended.
        var current = Path.GetExtension(name);
        if (current.ToLowerInvariant() is ".pdf" or ".docx" or ".xlsx" or ".png" or ".jpg" or ".jpeg" or ".doc" or ".xls")
            name = name[..^current.Length];
        return name + ext;
    }

    /// <summary>The answer of a download: the stored bytes as an attachment, never shown inline nor cached.</summary>
    public static IResult Download(string path, string contentType, string fileName, HttpResponse response)
    {
        if (!File.Exists(path)) return Results.NotFound();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return Results.File(path, contentType, fileName);
    }
}
