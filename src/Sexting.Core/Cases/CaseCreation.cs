namespace Sexting.Core.Cases;

/// <summary>The result of creating a case: the case, and whether this call created it or found it.</summary>
public sealed record CaseCreation(CaseRecord Case, bool Created);
