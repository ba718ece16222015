namespace Sexting.Core.Cases;

/// <summary>
/// What <see cref="ITimelineVerifier"/> found (contract §10 verify, §12): intact with
/// <paramref name="Entries"/> entries, or broken at the 1-based position <paramref name="BrokenAt"/>
/// of the first entry that was altered, removed or moved.
/// </summary>
public sealed record TimelineVerification(bool Intact, int Entries, int? BrokenAt)
{
    /// <summary>An intact chain of <paramref name="entries"/>.</summary>
    public static TimelineVerification IntactWith(int entries) => new(true, entries, null);

    /// <summary>A chain broken at <paramref name="position"/>.</summary>
    public static TimelineVerification BrokenAtPosition(int entries, int position) => new(false, entries, position);
}
