namespace Sexting.Functions.Pages.Components;

/// <summary>One radio or checkbox of a <see cref="FieldView"/>; a checkbox carries its own name and error.</summary>
internal sealed record OptionView(string Id, string Name, string Value, string Text, string? Hint, bool Checked)
{
    public string HintId => Id + "-item-hint";

    public string? Error { get; init; }

    public string? ErrorId { get; init; }
}
