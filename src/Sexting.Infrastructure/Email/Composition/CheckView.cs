namespace Sexting.Infrastructure.Email.Composition;

/// <summary>One of the aggravating factors of §3.5.2 and whether it was found.</summary>
internal sealed record CheckView(string Title, bool Found);
