using System.Text;

namespace Sexting.Infrastructure.Pages;

/// <summary>
/// Writes govuk-frontend form patterns (label, hint, inline error, input) into a page, encoding
/// every value, and records each error for the <see cref="ErrorSummary"/>.
/// </summary>
internal sealed class FormBuilder(Func<string, string> valueOf, Func<string, string?> errorOf)
{
    public StringBuilder Html { get; } = new();

    public ErrorSummary Errors { get; } = new();

    public FormBuilder Raw(string html)
    {
        Html.Append(html).Append('\n');
        return this;
    }

    public void TextInput(string name, string label, string? hint = null, string type = "text", string? autocomplete = null,
        string widthClass = "", bool spellcheck = false, int? maxLength = null, bool labelIsPageHeading = false, string? errorKey = null)
    {
        var id = Pages.Html.IdOf(name);
        var error = ErrorMessage(errorKey ?? name, id);
        var describedBy = DescribedBy(id, hint, error);
        Html.Append($"""
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
              {Label(id, label, labelIsPageHeading)}
              {HintHtml(id, hint)}{error?.Html}
              <input class="govuk-input{(widthClass.Length > 0 ? " " + widthClass : "")}{(error is null ? "" : " govuk-input--error")}" id="{id}" name="{Pages.Html.E(name)}" type="{type}" value="{Pages.Html.E(valueOf(name))}"{describedBy}{(autocomplete is null ? "" : $" autocomplete=\"{autocomplete}\"")}{(type == "text" || type == "email" ? $" spellcheck=\"{(spellcheck ? "true" : "false")}\"" : "")}{(maxLength is { } max ? $" maxlength=\"{max}\"" : "")}>
            </div>

            """);
    }

    public void Textarea(string name, string label, string? hint, int maxLength, int rows = 5, bool labelAsHeading = false)
    {
        var id = Pages.Html.IdOf(name);
        var error = ErrorMessage(name, id);
        Html.Append($"""
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
              {Label(id, label, labelAsHeading)}
              {HintHtml(id, hint)}{error?.Html}
              <textarea class="govuk-textarea{(error is null ? "" : " govuk-textarea--error")}" id="{id}" name="{Pages.Html.E(name)}" rows="{rows}" maxlength="{maxLength}"{DescribedBy(id, hint, error)} spellcheck="true">{Pages.Html.E(valueOf(name))}</textarea>
            </div>

            """);
    }

    public void Radios(string name, string legend, string? hint, IReadOnlyList<(string Value, string Text, string? Hint)> options,
        bool inline = false, string legendClass = "govuk-fieldset__legend--s")
    {
        var id = Pages.Html.IdOf(name);
        var error = ErrorMessage(name, id);
        var selected = valueOf(name);
        Html.Append($"""
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
              <fieldset class="govuk-fieldset"{DescribedBy(id, hint, error)}>
                <legend class="govuk-fieldset__legend {legendClass}">{Pages.Html.E(legend)}</legend>
                {HintHtml(id, hint)}{error?.Html}
                <div class="govuk-radios{(inline ? " govuk-radios--inline" : "")}" data-module="govuk-radios">

            """);
        for (var i = 0; i < options.Count; i++)
        {
            var (value, text, optionHint) = options[i];
            var optionId = i == 0 ? id : id + "-" + Pages.Html.IdOf(value);
            var hintId = optionId + "-item-hint";
            Html.Append($"""
                      <div class="govuk-radios__item">
                        <input class="govuk-radios__input" id="{optionId}" name="{Pages.Html.E(name)}" type="radio" value="{Pages.Html.E(value)}"{(string.Equals(selected, value, StringComparison.Ordinal) ? " checked" : "")}{(optionHint is null ? "" : $" aria-describedby=\"{hintId}\"")}>
                        <label class="govuk-label govuk-radios__label" for="{optionId}">{Pages.Html.E(text)}</label>
                        {(optionHint is null ? "" : $"<div id=\"{hintId}\" class=\"govuk-hint govuk-radios__hint\">{Pages.Html.E(optionHint)}</div>")}
                      </div>

                """);
        }

        Html.Append("""
                </div>
              </fieldset>
            </div>

            """);
    }

    public void Checkboxes(string legend, string? hint, IReadOnlyList<(string Name, string Text, string? Hint)> boxes, string legendClass = "govuk-fieldset__legend--s", string? groupId = null)
    {
        var id = groupId ?? Pages.Html.IdOf(boxes[0].Name) + "-group";
        Html.Append($"""
            <div class="govuk-form-group">
              <fieldset class="govuk-fieldset"{(hint is null ? "" : $" aria-describedby=\"{id}-hint\"")}>
                <legend class="govuk-fieldset__legend {legendClass}">{Pages.Html.E(legend)}</legend>
                {HintHtml(id, hint)}
                <div class="govuk-checkboxes" data-module="govuk-checkboxes">

            """);
        foreach (var (name, text, boxHint) in boxes)
        {
            var boxId = Pages.Html.IdOf(name);
            var hintId = boxId + "-item-hint";
            var error = ErrorMessage(name, boxId);
            Html.Append($"""
                      <div class="govuk-checkboxes__item">
                        <input class="govuk-checkboxes__input" id="{boxId}" name="{Pages.Html.E(name)}" type="checkbox" value="true"{(string.Equals(valueOf(name), "true", StringComparison.OrdinalIgnoreCase) ? " checked" : "")}{(boxHint is null ? "" : $" aria-describedby=\"{hintId}\"")}>
                        <label class="govuk-label govuk-checkboxes__label" for="{boxId}">{Pages.Html.E(text)}</label>
                        {(boxHint is null ? "" : $"<div id=\"{hintId}\" class=\"govuk-hint govuk-checkboxes__hint\">{Pages.Html.E(boxHint)}</div>")}{error?.Html}
                      </div>

                """);
        }

        Html.Append("""
                </div>
              </fieldset>
            </div>

            """);
    }

    public void DateInput(string name, string legend, string? hint)
    {
        var id = Pages.Html.IdOf(name);
        var error = ErrorMessage(name, id, linkId: id + "-day");
        Html.Append($"""
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
              <fieldset class="govuk-fieldset" role="group"{DescribedBy(id, hint, error)}>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{Pages.Html.E(legend)}</legend>
                {HintHtml(id, hint)}{error?.Html}
                <div class="govuk-date-input" id="{id}">
                  {DatePart(name, id, "-day", "Day", "govuk-input--width-2", error is not null)}
                  {DatePart(name, id, "-month", "Month", "govuk-input--width-2", error is not null)}
                  {DatePart(name, id, "-year", "Year", "govuk-input--width-4", error is not null)}
                </div>
              </fieldset>
            </div>

            """);
    }

    private string DatePart(string name, string id, string suffix, string label, string width, bool error) => $"""
        <div class="govuk-date-input__item">
                    <div class="govuk-form-group">
                      <label class="govuk-label govuk-date-input__label" for="{id}{suffix}">{label}</label>
                      <input class="govuk-input govuk-date-input__input {width}{(error ? " govuk-input--error" : "")}" id="{id}{suffix}" name="{Pages.Html.E(name + suffix)}" type="text" inputmode="numeric" value="{Pages.Html.E(valueOf(name + suffix))}">
                    </div>
                  </div>
        """;

    private (string Html, string Id)? ErrorMessage(string key, string id, string? linkId = null)
    {
        if (errorOf(key) is not { } message)
        {
            return null;
        }

        Errors.Add(linkId ?? id, message);
        var errorId = id + "-error";
        return ($"""<p id="{errorId}" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {Pages.Html.E(message)}</p>""", errorId);
    }

    private static string Label(string id, string label, bool asHeading) => asHeading
        ? $"""<h2 class="govuk-label-wrapper"><label class="govuk-label govuk-label--m" for="{id}">{Pages.Html.E(label)}</label></h2>"""
        : $"""<label class="govuk-label" for="{id}">{Pages.Html.E(label)}</label>""";

    private static string HintHtml(string id, string? hint) =>
        hint is null ? "" : $"""<div id="{id}-hint" class="govuk-hint">{Pages.Html.E(hint)}</div>""";

    private static string DescribedBy(string id, string? hint, (string Html, string Id)? error)
    {
        var ids = string.Join(' ', new[] { hint is null ? null : id + "-hint", error?.Id }.Where(i => i is not null));
        return ids.Length == 0 ? "" : $" aria-describedby=\"{ids}\"";
    }
}
