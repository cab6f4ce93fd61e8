using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nodal.Web.Features.Actions;

/// <summary>A date field (<c>&lt;input type="date"&gt;</c>, ISO value whatever the reader's language), error next to it.</summary>
[HtmlTargetElement("gov-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovDateTagHelper(IStringLocalizer<SharedResource> L) : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = GovForm.Id(name);
        var error = GovForm.Error(ViewContext, name);
        var value = GovForm.Attempted(ViewContext, name) ?? For.Model switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => "",
        };
        var hints = GovForm.HintAndError(id, Hint, error, L, out var describedBy);
        GovForm.Group(output, error,
            GovForm.Label(id, Label) + hints +
            $"<input class=\"govuk-input govuk-input--width-10{(error is null ? "" : " govuk-input--error")}\" id=\"{id}\" name=\"{name}\" type=\"date\" value=\"{GovForm.E(value)}\"{describedBy}>");
    }
}

/// <summary>A list of short values typed in one text field, separated by commas (partners, countries, cities, SDG targets).</summary>
[HtmlTargetElement("gov-list-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovListInputTagHelper(IStringLocalizer<SharedResource> L) : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public string? Width { get; set; }
    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = GovForm.Id(name);
        var error = GovForm.Error(ViewContext, name);
        var value = GovForm.Attempted(ViewContext, name)
                    ?? (For.Model is IEnumerable<string> list ? string.Join(", ", list) : "");
        var hints = GovForm.HintAndError(id, Hint, error, L, out var describedBy);
        var cls = "govuk-input" + (Width is null ? "" : $" govuk-input--width-{Width}") + (error is null ? "" : " govuk-input--error");
        GovForm.Group(output, error,
            GovForm.Label(id, Label) + hints +
            $"<input class=\"{cls}\" id=\"{id}\" name=\"{name}\" type=\"text\" value=\"{GovForm.E(value)}\"{describedBy}{(Spellcheck ? "" : " spellcheck=\"false\"")}>");
    }

    /// <summary>"FR, MX; SN" → FR, MX, SN: what a form sends, split into the list the input holds.</summary>
    public static List<string> Split(IEnumerable<string>? values) =>
        (values ?? []).SelectMany(v => (v ?? "").Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
}

/// <summary>A select whose options fall in groups (<c>&lt;optgroup&gt;</c>, from <see cref="SelectListItem.Group"/>).</summary>
[HtmlTargetElement("gov-grouped-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovGroupedSelectTagHelper(IStringLocalizer<SharedResource> L) : TagHelper
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
        GovForm.Group(output, error,
            GovForm.Label(id, Label) + hints +
            $"<select class=\"govuk-select{(error is null ? "" : " govuk-select--error")}\" id=\"{id}\" name=\"{name}\"{describedBy}>{Options(Items, current, Empty)}</select>");
    }

    public static string Options(IEnumerable<SelectListItem> items, string current, string? empty)
    {
        static string Option(SelectListItem i, string current) =>
            $"<option value=\"{GovForm.E(i.Value)}\"{(string.Equals(i.Value, current, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{GovForm.E(i.Text)}</option>";
        var html = empty is null ? "" : $"<option value=\"\">{GovForm.E(empty)}</option>";
        foreach (var group in items.GroupBy(i => i.Group?.Name))
        {
            var options = string.Concat(group.Select(i => Option(i, current)));
            html += group.Key is null ? options : $"<optgroup label=\"{GovForm.E(group.Key)}\">{options}</optgroup>";
        }
        return html;
    }
}

/// <summary>Checkboxes for a list of ids (involved departments, axes): one fieldset, error above the boxes.</summary>
[HtmlTargetElement("gov-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovCheckboxesTagHelper(IStringLocalizer<SharedResource> L) : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    /// <summary>Shown instead of the boxes when there is nothing to choose.</summary>
    public string? None { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = GovForm.Id(name);
        var error = GovForm.Error(ViewContext, name);
        var attempted = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.RawValue is not null
            ? (entry.RawValue as string[] ?? [entry.RawValue.ToString() ?? ""])
            : null;
        var selected = (attempted ?? (For.Model as System.Collections.IEnumerable)?.Cast<object?>().Select(o => o?.ToString() ?? "") ?? [])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var hints = GovForm.HintAndError(id, Hint, error, L, out var describedBy);
        var items = Items.ToList();
        string boxes;
        if (items.Count == 0)
        {
            boxes = $"<p class=\"govuk-body\">{GovForm.E(None ?? "")}</p>";
        }
        else
        {
            boxes = "<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">" + string.Concat(items.Select((i, n) =>
            {
                var boxId = n == 0 ? id : $"{id}-{n + 1}";
                return $"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"{boxId}\" name=\"{name}\" type=\"checkbox\" value=\"{GovForm.E(i.Value)}\"{(selected.Contains(i.Value) ? " checked" : "")}>"
                       + $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{boxId}\">{GovForm.E(i.Text)}</label></div>";
            })) + "</div>";
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\"{describedBy}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{GovForm.E(Label)}</legend>{hints}{boxes}</fieldset>");
    }
}
