namespace Sexting.Functions.Pages.Components;

/// <summary>An aggravating factor found, with its reason and source (contract §3).</summary>
internal sealed record FactorItem(string Code, string Title, string Cite, string Reason);
