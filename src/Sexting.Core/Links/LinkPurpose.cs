namespace Sexting.Core.Links;

/// <summary>What a decision link lets its holder do (contract §5).</summary>
public enum LinkPurpose
{
    /// <summary>Authorise, decline or consult on Outcome 21 (§3.4.3).</summary>
    Authorisation,

    /// <summary>Confirm that education and intervention were delivered (§3.4.7).</summary>
    EducationDelivered,

    /// <summary>The reporter confirms their email address (contract §11); no sign-in.</summary>
    ReporterConfirmation,
}
