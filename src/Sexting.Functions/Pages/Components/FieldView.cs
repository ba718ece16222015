namespace Sexting.Functions.Pages.Components;

/// <summary>
/// One govuk-frontend form field for the component partials (<c>_input</c>, <c>_textarea</c>,
/// <c>_radios</c>, <c>_checkboxes</c>, <c>_dateInput</c>): plain text only, encoded by the template.
/// An absent value is null, never empty: Liquid treats an empty string as true.
/// </summary>
internal sealed record FieldView
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Label { get; init; }

    public bool LabelAsHeading { get; init; }

    public string? Legend { get; init; }

    public string LegendClass { get; init; } = "govuk-fieldset__legend--s";

    public string? Hint { get; init; }

    public string? HintId { get; init; }

    /// <summary>The inline error message, when the field has one.</summary>
    public string? Error { get; init; }

    public string? ErrorId { get; init; }

    /// <summary>The value of <c>aria-describedby</c>: the hint's and the error's ids.</summary>
    public string? DescribedBy { get; init; }

    public string Value { get; init; } = "";

    public string Type { get; init; } = "text";

    public string? Autocomplete { get; init; }

    public string? WidthClass { get; init; }

    /// <summary><c>true</c> or <c>false</c> for a text or email input; null where the attribute does not apply.</summary>
    public string? Spellcheck { get; init; }

    public int? MaxLength { get; init; }

    public int Rows { get; init; } = 5;

    public bool Inline { get; init; }

    public IReadOnlyList<OptionView> Options { get; init; } = [];

    public IReadOnlyList<DatePartView> Parts { get; init; } = [];
}
