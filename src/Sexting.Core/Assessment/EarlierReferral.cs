using Sexting.Core.Referrals;

namespace Sexting.Core.Assessment;

/// <summary>
/// An earlier referral of the same force that names a person with the given identity key
/// (<see cref="PersonIdentity.KeyOf(string, DateOnly)"/>), with the role the person had in it and
/// whether it may count (contract §3: only once its reporter confirmed it, never when unconfirmed or deleted).
/// </summary>
/// <param name="PersonKey">The person's identity key.</param>
/// <param name="ReferralId">The earlier referral.</param>
/// <param name="CrimeReference">Its crime reference.</param>
/// <param name="Role">The person's role in it (the most offending one, if they were named twice: <see cref="OffendingRoles.MostOffending"/>).</param>
/// <param name="Standing">Whether it counts.</param>
public sealed record EarlierReferral(string PersonKey, string ReferralId, string CrimeReference, YoungPersonRole Role, ReferralStanding Standing);
