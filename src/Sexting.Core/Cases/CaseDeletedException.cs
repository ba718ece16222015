namespace Sexting.Core.Cases;

/// <summary>
/// Contract §2, §12: a referral submitted again (the same <c>submissionId</c>) whose case was deleted under
/// retention. It is not recorded a second time, with its old crime reference: its case is gone for good.
/// </summary>
public sealed class CaseDeletedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public CaseDeletedException()
        : base("This referral's case was deleted under the retention policy.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CaseDeletedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CaseDeletedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
