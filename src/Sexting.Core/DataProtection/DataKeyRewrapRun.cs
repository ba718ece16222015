namespace Sexting.Core.DataProtection;

/// <summary>What one re-wrap pass did (counts only).</summary>
/// <param name="UpToDate">The marker showed every data key wrapped by the newest version already: no case was read.</param>
/// <param name="Visited">Referrals visited (deleted ones included: they have no key to re-wrap).</param>
/// <param name="Rewrapped">Data keys re-wrapped under the newest version.</param>
/// <param name="Failed">Cases whose re-wrap failed; the marker is not moved, so the next pass visits all again.</param>
public sealed record DataKeyRewrapRun(bool UpToDate, int Visited, int Rewrapped, int Failed);
