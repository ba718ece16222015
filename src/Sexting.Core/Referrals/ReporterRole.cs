namespace Sexting.Core.Referrals;

/// <summary>The reporter's role in the school or college (contract §2).</summary>
public enum ReporterRole
{
    /// <summary>The setting's designated safeguarding lead.</summary>
    DesignatedSafeguardingLead,

    /// <summary>A deputy safeguarding lead.</summary>
    DeputySafeguardingLead,

    /// <summary>The head teacher.</summary>
    Headteacher,

    /// <summary>A teacher.</summary>
    Teacher,

    /// <summary>Anyone else.</summary>
    Other,
}
