namespace Sexting.Core.Cases;

/// <summary>A page of the case list, newest first, and the opaque token of the next page (<c>null</c> on the last).</summary>
public sealed record CaseListPage(IReadOnlyList<CaseListItem> Cases, string? Next);
