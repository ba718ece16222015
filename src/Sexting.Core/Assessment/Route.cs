namespace Sexting.Core.Assessment;

/// <summary>Where a case goes after assessment (§1.2.2, §1.2.3).</summary>
public enum Route
{
    /// <summary>No aggravating factor: education and intervention, with Outcome 21 proposed.</summary>
    EducationAndIntervention,

    /// <summary>Aggravating factors present: criminal investigation.</summary>
    Investigation,
}
