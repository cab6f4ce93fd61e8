using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nodal.Web.Infrastructure;

/// <summary>
/// Every data table sits in a region that scrolls sideways on a narrow screen instead of widening the page
/// (WCAG 1.4.10 reflow). The region can take the keyboard focus, so it scrolls without a mouse, and is named
/// after the table's caption.
/// </summary>
[HtmlTargetElement("table", Attributes = "class")]
public sealed partial class TableScrollTagHelper(IStringLocalizer<SharedResource> L) : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes["class"]?.Value?.ToString()?.Split(' ').Contains("govuk-table") != true) return;
        var content = (await output.GetChildContentAsync()).GetContent();
        var caption = Caption().Match(content);
        var name = caption.Success ? WebUtility.HtmlDecode(Tags().Replace(caption.Groups[1].Value, "")).Trim() : "";
        if (name.Length == 0) name = L["Table"];
        output.PreElement.AppendHtml($"<div class=\"nodal-table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{WebUtility.HtmlEncode(name)}\">");
        output.PostElement.AppendHtml("</div>");
    }

    [GeneratedRegex(@"<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
