namespace Sexting.Functions.Authorisation;

/// <summary>What a line manager may answer (contract §5).</summary>
public enum DecisionKind
{
    /// <summary>Authorise Outcome 21 (§3.4.3).</summary>
    Authorise,

    /// <summary>Decline Outcome 21: the case goes to investigation.</summary>
    Decline,

    /// <summary>Ask the safeguarding expert first; not final.</summary>
    Consult,
}
