namespace Sexting.Infrastructure.Storage;

/// <summary>
/// A force's crime references of one year are all issued (contract §2: six digits, up to 999,999). Not a fault
/// a retry mends: the referral is refused (500), and the register's counter needs a person's decision.
/// </summary>
public sealed class CrimeRegisterFullException : InvalidOperationException
{
    public CrimeRegisterFullException()
        : base("Every crime reference of this force and year is issued.")
    {
    }

    public CrimeRegisterFullException(string counter)
        : base($"Every crime reference of {counter} is issued.")
    {
    }

    public CrimeRegisterFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
