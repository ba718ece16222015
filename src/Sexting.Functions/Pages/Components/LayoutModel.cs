namespace Sexting.Functions.Pages.Components;

/// <summary>What the page frame (<c>_layout</c>) shows around the main content, which is already rendered and encoded.</summary>
internal sealed record LayoutModel(string Title, string ServiceName, string Forces, string StylesheetUrl, string ScriptUrl, string Main);
