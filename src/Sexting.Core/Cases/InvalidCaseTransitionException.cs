namespace Sexting.Core.Cases;

/// <summary>A case was asked to make a move that contract §3 does not allow.</summary>
public sealed class InvalidCaseTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public InvalidCaseTransitionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidCaseTransitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public InvalidCaseTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused move.</summary>
    public InvalidCaseTransitionException(CaseStatus from, CaseStatus to)
        : base($"A case cannot move from {from} to {to}.")
    {
        From = from;
        To = to;
    }

    /// <summary>The status the case was in.</summary>
    public CaseStatus From { get; }

    /// <summary>The status it was asked to move to.</summary>
    public CaseStatus To { get; }
}
