namespace Sexting.Core.Referrals;

/// <summary>A parent or carer of a young person.</summary>
public sealed record ParentCarer(string? Name, string? Email)
{
    /// <summary>
    /// Whether the setting thinks it safe to contact this parent or carer (UKCIS 2024: settings
    /// consider whether telling parents would put a young person at risk). When false the parent or
    /// carer is never emailed, and the youth team is told so (contract §2, §4.5). Default true.
    /// </summary>
    public bool SafeToContact { get; init; } = true;
}
