using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nodal.Web.Infrastructure;

/// <summary>Shared rendering of a GOV.UK-style form group: label, hint, error next to the field.</summary>
internal static class GovForm
{
    public static string Id(string name) => TagBuilder.CreateSanitizedId(name, "_");

    /// <summary>The field's first error; for a list field, also the first error of any of its items (Countries[2]).</summary>
    public static string? Error(ViewContext ctx, string name) =>
        ctx.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage
        : ctx.ViewData.ModelState.Where(kv => kv.Key.StartsWith(name + "[", StringComparison.Ordinal) && kv.Key.IndexOf('.', name.Length) < 0 && kv.Value!.Errors.Count > 0)
            .Select(kv => kv.Value!.Errors[0].ErrorMessage).FirstOrDefault();

    public static string? Attempted(ViewContext ctx, string name) =>
        ctx.ViewData.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null ? entry.AttemptedValue : null;

    public static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(", ", list),
        decimal d => d.ToString("0.##", CultureInfo.CurrentCulture),
        double d => d.ToString("0.##", CultureInfo.CurrentCulture),
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "",
    };

    public static void Group(TagHelperOutput output, string? error, string inner)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(inner);
    }

    public static string Label(string id, string label, bool asHeading = false) =>
        $"<label class=\"govuk-label{(asHeading ? " govuk-label--s" : "")}\" for=\"{id}\">{E(label)}</label>";

    public static string HintAndError(string id, string? hint, string? error, IStringLocalizer L, out string describedBy)
    {
        var parts = new List<string>();
        var html = "";
        if (!string.IsNullOrEmpty(hint)) { html += $"<div id=\"{id}-hint\" class=\"govuk-hint\">{E(hint)}</div>"; parts.Add($"{id}-hint"); }
        if (error is not null) { html += $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">{E(L["Error:"])}</span> {E(error)}</p>"; parts.Add($"{id}-error"); }
        describedBy = parts.Count > 0 ? $" aria-describedby=\"{string.Join(' ', parts)}\"" : "";
        return html;
    }

    /// <summary>Encodes markup but keeps accented letters readable (á, è, ç…), like the pages do.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string E(string? s) => Encoder.Encode(s ?? "");

    /// <summary>A select's options, in &lt;optgroup&gt;s when the items have a <see cref="SelectListItem.Group"/>.</summary>
    public static string Options(IEnumerable<SelectListItem> items, string current, string? empty) =>
        Options(items, v => string.Equals(v, current, StringComparison.OrdinalIgnoreCase), empty);

    /// <summary>Options with any number selected (multiple selects).</summary>
    public static string Options(IEnumerable<SelectListItem> items, Func<string, bool> selected, string? empty)
    {
        var html = empty is null ? "" : $"<option value=\"\">{E(empty)}</option>";
        foreach (var group in items.GroupBy(i => i.Group?.Name))
        {
            var options = string.Concat(group.Select(i => $"<option value=\"{E(i.Value)}\"{(selected(i.Value) ? " selected" : "")}>{E(i.Text)}</option>"));
            html += group.Key is null ? options : $"<optgroup label=\"{E(group.Key)}\">{options}</optgroup>";
        }
        return html;
    }
}

[HtmlTargetElement("gov-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovInputTagHelper(IStringLocalizer<SharedResource> L) : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Inputmode { get; set; }
    public string? Autocomplete { get; set; }
    public string? Width { get; set; }
    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = GovForm.Id(name);
        var error = GovForm.Error(ViewContext, name);
        var value = Type == "password" ? "" : GovForm.Attempted(ViewContext, name) ?? GovForm.Format(For.Model);
        var extra = (Inputmode is null ? "" : $" inputmode=\"{Inputmode}\"") + (Autocomplete is null ? "" : $" autocomplete=\"{Autocomplete}\"")
                    + (Spellcheck ? "" : " spellcheck=\"false\"");
        var cls = "govuk-input" + (Width is null ? "" : $" govuk-input--width-{Width}") + (error is null ? "" : " govuk-input--error");
        var hints = GovForm.HintAndError(id, Hint, error, L, out var describedBy);
        GovForm.Group(output, error,
            GovForm.Label(id, Label) + hints +
            $"<input class=\"{cls}\" id=\"{id}\" name=\"{name}\" type=\"{Type}\" value=\"{GovForm.E(value)}\"{describedBy}{extra}>");
    }
}

[HtmlTargetElement("gov-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovTextareaTagHelper(IStringLocalizer<SharedResource> L) : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public int Rows { get; set; } = 4;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = GovForm.Id(name);
        var error = GovForm.Error(ViewContext, name);
        var value = GovForm.Attempted(ViewContext, name) ?? GovForm.Format(For.Model);
        var hints = GovForm.HintAndError(id, Hint, error, L, out var describedBy);
        GovForm.Group(output, error,
            GovForm.Label(id, Label) + hints +
            $"<textarea class=\"govuk-textarea{(error is null ? "" : " govuk-textarea--error")}\" id=\"{id}\" name=\"{name}\" rows=\"{Rows}\"{describedBy}>{GovForm.E(value)}</textarea>");
    }
}

[HtmlTargetElement("gov-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovSelectTagHelper(IStringLocalizer<SharedResource> L) : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    public string? Empty { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = GovForm.Id(name);
        var error = GovForm.Error(ViewContext, name);
        var current = GovForm.Attempted(ViewContext, name) ?? For.Model?.ToString() ?? "";
        var hints = GovForm.HintAndError(id, Hint, error, L, out var describedBy);
        var options = GovForm.Options(Items, current, Empty);
        GovForm.Group(output, error,
            GovForm.Label(id, Label) + hints +
            $"<select class=\"govuk-select{(error is null ? "" : " govuk-select--error")}\" id=\"{id}\" name=\"{name}\"{describedBy}>{options}</select>");
    }
}

/// <summary>A content field in Spanish, English and French: one fieldset, three inputs.</summary>
[HtmlTargetElement("gov-localized", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovLocalizedTagHelper(IStringLocalizer<SharedResource> L) : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public bool Multiline { get; set; }
    public string? Required { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var text = For.Model as LocalizedText ?? new LocalizedText();
        var anyError = false;
        var inner = "";
        foreach (var lang in LocalizedText.Languages)
        {
            var name = $"{ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name)}.{char.ToUpperInvariant(lang[0])}{lang[1..]}";
            var id = GovForm.Id(name);
            var error = GovForm.Error(ViewContext, name);
            anyError |= error is not null;
            var value = GovForm.Attempted(ViewContext, name) ?? text[lang] ?? "";
            var label = Languages.NativeName(lang) + (lang == Required ? $" ({L["required"]})" : $" ({L["optional"]})");
            var hints = GovForm.HintAndError(id, null, error, L, out var describedBy);
            var field = Multiline
                ? $"<textarea class=\"govuk-textarea{(error is null ? "" : " govuk-textarea--error")}\" id=\"{id}\" name=\"{name}\" rows=\"3\" lang=\"{lang}\"{describedBy}>{GovForm.E(value)}</textarea>"
                : $"<input class=\"govuk-input{(error is null ? "" : " govuk-input--error")}\" id=\"{id}\" name=\"{name}\" type=\"text\" lang=\"{lang}\" value=\"{GovForm.E(value)}\"{describedBy}>";
            inner += $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">{GovForm.Label(id, label)}{hints}{field}</div>";
        }
        var hint = string.IsNullOrEmpty(Hint) ? "" : $"<div class=\"govuk-hint\">{GovForm.E(Hint)}</div>";
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", anyError ? "govuk-form-group govuk-form-group--error" : "govuk-form-group");
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{GovForm.E(Label)}</legend>{hint}{inner}</fieldset>");
    }
}

/// <summary>The list of a form's errors at the top of the page, each linking to its field.</summary>
[HtmlTargetElement("gov-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovErrorSummaryTagHelper(IStringLocalizer<SharedResource> L) : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ViewData.ModelState
            .Where(kv => kv.Value is { Errors.Count: > 0 })
            .Select(kv => (Id: string.IsNullOrEmpty(kv.Key) ? null : GovForm.Id(kv.Key), Message: kv.Value!.Errors[0].ErrorMessage))
            .ToList();
        if (errors.Count == 0) { output.SuppressOutput(); return; }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Attributes.SetAttribute("tabindex", "-1");
        var items = string.Concat(errors.Select(e => e.Id is null ? $"<li>{GovForm.E(e.Message)}</li>" : $"<li><a href=\"#{e.Id}\">{GovForm.E(e.Message)}</a></li>"));
        output.Content.SetHtmlContent(
            $"<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">{GovForm.E(L["There is a problem"])}</h2>" +
            $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div>");
    }
}
