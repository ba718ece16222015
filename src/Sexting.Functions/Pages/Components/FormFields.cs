namespace Sexting.Functions.Pages.Components;

/// <summary>
/// Builds the views of govuk-frontend form fields (label, hint, inline error, value) for the
/// component partials, and records each error, in the order the fields are built, for the error
/// summary: build the fields in the order the template shows them.
/// </summary>
internal sealed class FormFields(Func<string, string> valueOf, Func<string, string?> errorOf)
{
    private readonly List<ErrorLink> _errors = [];

    /// <summary>The error summary's entries, in form order.</summary>
    public IReadOnlyList<ErrorLink> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    /// <summary>Adds an error no field shows (such as a submission id altered by hand).</summary>
    public void AddError(string id, string message) => _errors.Add(new ErrorLink(id, message));

    public FieldView TextInput(string name, string label, string? hint = null, string type = "text", string? autocomplete = null,
        string? widthClass = null, bool spellcheck = false, int? maxLength = null, bool labelAsHeading = false)
    {
        var id = Html.IdOf(name);
        return Field(id, name, hint, ErrorOf(name, id)) with
        {
            Label = label,
            LabelAsHeading = labelAsHeading,
            Type = type,
            Autocomplete = autocomplete,
            WidthClass = widthClass,
            Spellcheck = type is "text" or "email" ? (spellcheck ? "true" : "false") : null,
            MaxLength = maxLength,
            Value = valueOf(name),
        };
    }

    public FieldView Textarea(string name, string label, string? hint, int maxLength, int rows = 5)
    {
        var id = Html.IdOf(name);
        return Field(id, name, hint, ErrorOf(name, id)) with { Label = label, MaxLength = maxLength, Rows = rows, Value = valueOf(name) };
    }

    public FieldView Radios(string name, string legend, string? hint, IReadOnlyList<(string Value, string Text, string? Hint)> options,
        bool inline = false, string legendClass = "govuk-fieldset__legend--s")
    {
        var id = Html.IdOf(name);
        var field = Field(id, name, hint, ErrorOf(name, id));
        var selected = valueOf(name);
        return field with
        {
            Legend = legend,
            LegendClass = legendClass,
            Inline = inline,

            // The first radio carries the field's id, so the error summary links to it.
            Options = [.. options.Select((o, i) => new OptionView(i == 0 ? id : id + "-" + Html.IdOf(o.Value), name, o.Value, o.Text, o.Hint,
                string.Equals(selected, o.Value, StringComparison.Ordinal)))],
        };
    }

    public FieldView Checkboxes(string legend, string? hint, IReadOnlyList<(string Name, string Text, string? Hint)> boxes,
        string legendClass = "govuk-fieldset__legend--s", string? groupId = null)
    {
        var id = groupId ?? Html.IdOf(boxes[0].Name) + "-group";
        var options = new List<OptionView>(boxes.Count);
        foreach (var (name, text, boxHint) in boxes)
        {
            var boxId = Html.IdOf(name);
            var error = ErrorOf(name, boxId);
            options.Add(new OptionView(boxId, name, "true", text, boxHint, string.Equals(valueOf(name), "true", StringComparison.OrdinalIgnoreCase))
            {
                Error = error,
                ErrorId = error is null ? null : boxId + "-error",
            });
        }

        return new FieldView
        {
            Id = id,
            Legend = legend,
            LegendClass = legendClass,
            Hint = hint,
            HintId = hint is null ? null : id + "-hint",
            DescribedBy = hint is null ? null : id + "-hint",
            Options = options,
        };
    }

    public FieldView DateInput(string name, string legend, string? hint)
    {
        var id = Html.IdOf(name);
        return Field(id, name, hint, ErrorOf(name, id, linkId: id + "-day")) with
        {
            Legend = legend,
            Parts =
            [
                Part(name, id, "-day", "Day", "govuk-input--width-2"),
                Part(name, id, "-month", "Month", "govuk-input--width-2"),
                Part(name, id, "-year", "Year", "govuk-input--width-4"),
            ],
        };
    }

    private DatePartView Part(string name, string id, string suffix, string label, string width) =>
        new(id + suffix, name + suffix, label, width, valueOf(name + suffix));

    private static FieldView Field(string id, string name, string? hint, string? error)
    {
        var hintId = hint is null ? null : id + "-hint";
        var errorId = error is null ? null : id + "-error";
        var describedBy = string.Join(' ', new[] { hintId, errorId }.OfType<string>());
        return new FieldView
        {
            Id = id,
            Name = name,
            Hint = hint,
            HintId = hintId,
            Error = error,
            ErrorId = errorId,
            DescribedBy = describedBy.Length == 0 ? null : describedBy,
        };
    }

    private string? ErrorOf(string key, string id, string? linkId = null)
    {
        if (errorOf(key) is not { } message)
        {
            return null;
        }

        _errors.Add(new ErrorLink(linkId ?? id, message));
        return message;
    }
}
