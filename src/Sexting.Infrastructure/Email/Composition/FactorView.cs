namespace Sexting.Infrastructure.Email.Composition;

/// <summary>An aggravating factor found (§3.5.2): the policy's words for it, why, and where (<see cref="Citation"/> as a reader sees it).</summary>
internal sealed record FactorView(string Title, string Reason, string PolicyRef, string Citation);
