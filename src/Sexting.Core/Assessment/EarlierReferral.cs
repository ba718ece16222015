namespace Sexting.Core.Assessment;

/// <summary>
/// An earlier referral of the same force that names a person with the given identity key
/// (<see cref="PersonIdentity.KeyOf(string, DateOnly)"/>).
/// </summary>
public sealed record EarlierReferral(string PersonKey, string ReferralId, string CrimeReference);
