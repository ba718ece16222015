namespace Sexting.Core.Referrals;

/// <summary>
/// A school's report of an incident, parsed and valid (contract §2). Only
/// <see cref="ReferralParser"/> makes one from outside input, so holding one means every rule of
/// §2 has been checked.
/// </summary>
public sealed record Referral(
    Guid? SubmissionId,
    ForceArea ForceArea,
    Setting Setting,
    Reporter Reporter,
    Incident Incident,
    IReadOnlyList<YoungPerson> YoungPeople,
    IReadOnlyList<AdultInvolved> AdultsInvolved,
    Concerns Concerns,
    ImageryHandling ImageryHandling);
