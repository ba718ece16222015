namespace Sexting.Functions.Pages.Components;

/// <summary>One entry of the error summary: the message, linking to the field with the problem.</summary>
internal sealed record ErrorLink(string Id, string Message);
