namespace Sexting.Functions.Pages.Components;

/// <summary>A confirmation page's title and the case's crime reference: all such a page shows of the case.</summary>
internal sealed record ConfirmedModel(string Title, string CrimeReference);
