namespace Sexting.Infrastructure.Email.Composition;

/// <summary>A safeguarding concern (§3.2.2) and why it was raised.</summary>
internal sealed record ConcernView(string Title, string Reason);
