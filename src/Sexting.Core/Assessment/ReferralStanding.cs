namespace Sexting.Core.Assessment;

/// <summary>
/// Whether an earlier referral may count towards repeat offending (contract §3, §11, §12): only a
/// referral its reporter confirmed counts (<see cref="Cases.CaseRecord.Standing"/>); one recorded
/// before confirmation existed counts as <see cref="Confirmed"/>.
/// </summary>
public enum ReferralStanding
{
    /// <summary>The reporter confirmed their address: the referral counts.</summary>
    Confirmed,

    /// <summary>Not confirmed yet: does not count (yet).</summary>
    AwaitingConfirmation,

    /// <summary>Not confirmed in time (contract §11): never counts.</summary>
    Unconfirmed,

    /// <summary>Deleted under retention (contract §12): never counts.</summary>
    Deleted,
}
