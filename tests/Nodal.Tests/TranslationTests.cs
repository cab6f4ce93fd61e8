using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Nodal.Tests;

/// <summary>Every text the interface asks for exists in Spanish and French.</summary>
public sealed partial class TranslationTests
{
    private static readonly string Root = FindRoot();

    [Theory]
    [InlineData("es")]
    [InlineData("fr")]
    public void Every_interface_string_is_translated(string language)
    {
        var resx = XDocument.Load(Path.Combine(Root, "src/Nodal.Web/Resources", $"SharedResource.{language}.resx"));
        var translated = resx.Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
        var used = Directory.EnumerateFiles(Path.Combine(Root, "src/Nodal.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains("/obj/") && !f.Contains("/bin/"))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .Distinct().ToList();
        Assert.True(used.Count > 150, $"only {used.Count} keys found: the pattern no longer matches the code");
        var missing = used.Where(k => !translated.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
        Assert.True(missing.Count == 0, $"Missing in {language}: {string.Join(" | ", missing)}");
        var broken = used.Where(k => translated.TryGetValue(k, out var v) && Placeholders(k) != Placeholders(v)).ToList();
        Assert.True(broken.Count == 0, $"Placeholders differ in {language}: {string.Join(" | ", broken)}");
    }

    [Theory]
    [InlineData("es")]
    [InlineData("fr")]
    [InlineData("en")]
    public void No_two_keys_differ_only_in_case(string language)
    {
        // Resource names ignore case: of "none" and "None" one would be silently dropped.
        var resx = XDocument.Load(Path.Combine(Root, "src/Nodal.Web/Resources", $"SharedResource.{language}.resx"));
        var clashes = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, $"Keys differing only in case in {language}: {string.Join(" | ", clashes)}");
    }

    private static string Placeholders(string s) => string.Join(',', PlaceholderPattern().Matches(s).Select(m => m.Value).Order());

    [GeneratedRegex("""\bL\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Nodal.slnx"))) dir = dir.Parent;
        return dir.FullName;
    }
}
