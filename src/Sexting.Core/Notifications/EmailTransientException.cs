namespace Sexting.Core.Notifications;

/// <summary>Email delivery failed in a way that may pass (429, 5xx, network): the caller should retry later.</summary>
public sealed class EmailTransientException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmailTransientException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EmailTransientException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public EmailTransientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
