namespace Sexting.Core.Staff;

/// <summary>The answer of <see cref="StaffPolicy"/>.</summary>
public enum StaffAccess
{
    /// <summary>They may.</summary>
    Allowed,

    /// <summary>Nobody is signed in: sign in first (contract §9: <c>401</c>, or <c>302</c> to the sign-in for a page).</summary>
    SignInRequired,

    /// <summary>Signed in, without the role or the force (contract §9: <c>403</c>).</summary>
    Forbidden,
}
