namespace Sexting.Infrastructure.Storage;

/// <summary>
/// A crime reference claimed for a referral. <paramref name="ReceivedAt"/> is the time stored
/// with the first claim; <paramref name="IsNew"/> is false when an earlier call had claimed it.
/// </summary>
internal sealed record CrimeReferenceClaim(string CrimeReference, DateTimeOffset ReceivedAt, bool IsNew);
