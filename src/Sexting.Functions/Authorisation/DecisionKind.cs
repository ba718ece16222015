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

/// <summary>How a decision is written as a link use's action (the form's own words), and read back.</summary>
public static class DecisionKinds
{
    public static string ActionOf(DecisionKind kind) => kind switch
    {
        DecisionKind.Authorise => "authorise",
        DecisionKind.Decline => "decline",
        DecisionKind.Consult => "consult",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The decision a recorded action stands for; <c>null</c> for anything else.</summary>
    public static DecisionKind? Of(string? action) => action switch
    {
        "authorise" => DecisionKind.Authorise,
        "decline" => DecisionKind.Decline,
        "consult" => DecisionKind.Consult,
        _ => null,
    };
}
