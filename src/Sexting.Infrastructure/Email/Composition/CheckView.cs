namespace Sexting.Infrastructure.Email.Composition;

/// <summary>One of the aggravating factors checked (§3.5.2, UKCIS 2024 initial review), whether it was found, and its source.</summary>
internal sealed record CheckView(string Title, bool Found, string Citation);
