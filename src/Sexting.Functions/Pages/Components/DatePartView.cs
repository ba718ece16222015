namespace Sexting.Functions.Pages.Components;

/// <summary>The day, month or year input of a govuk-frontend date input.</summary>
internal sealed record DatePartView(string Id, string Name, string Label, string Width, string Value);
