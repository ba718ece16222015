using Sexting.Core.Referrals;

namespace Sexting.Core.Cases;

/// <summary>
/// A page of the case list (contract §10): the cases of <paramref name="Forces"/>, newest first,
/// optionally of one <paramref name="Status"/> and with a crime reference starting with
/// <paramref name="CrimeReferencePrefix"/>.
/// </summary>
/// <param name="Forces">The forces whose cases may be listed (the person's force roles); none lists nothing.</param>
/// <param name="Status">Only cases in this status; <c>null</c> for all.</param>
/// <param name="CrimeReferencePrefix">Only crime references starting with this (upper case: references are); <c>null</c> for all.</param>
/// <param name="PageSize">At most this many cases (1 to <see cref="MaxPageSize"/>).</param>
/// <param name="Continuation">The <see cref="CaseListPage.Next"/> of the page before; <c>null</c> for the first page.</param>
public sealed record CaseListQuery(
    IReadOnlyCollection<ForceArea> Forces,
    CaseStatus? Status,
    string? CrimeReferencePrefix,
    int PageSize,
    string? Continuation)
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>The largest page a request may ask for.</summary>
    public const int MaxPageSize = 100;
}
