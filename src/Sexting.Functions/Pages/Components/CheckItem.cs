namespace Sexting.Functions.Pages.Components;

/// <summary>One check of the assessment and whether it found its factor (contract §3).</summary>
internal sealed record CheckItem(string Title, string Cite, bool Found);
