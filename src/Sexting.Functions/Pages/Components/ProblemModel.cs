namespace Sexting.Functions.Pages.Components;

/// <summary>A page for a link that cannot be used: what is wrong and why, nothing of the case.</summary>
internal sealed record ProblemModel(string Title, string Explanation);
