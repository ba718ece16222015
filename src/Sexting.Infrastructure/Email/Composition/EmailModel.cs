using Sexting.Infrastructure.Text;

namespace Sexting.Infrastructure.Email.Composition;

/// <summary>
/// What a template may show. Built by <see cref="EmailModelFactory"/>, which leaves out what the
/// reader of the kind must not see (names, the incident summary), so a template cannot leak it.
/// Every string from outside is already made safe by <see cref="UserText"/>; the HTML templates
/// encode every output on top.
/// </summary>
internal sealed record EmailModel
{
    public required string Kind { get; init; }

    public required string Subject { get; init; }

    public string? CrimeReference { get; init; }

    public required string ForceName { get; init; }

    public required string NationalOutcome { get; init; }

    public required string LocalOutcome { get; init; }

    public bool LocalOutcomeDiffers { get; init; }

    public string? CrimeRecordingSystem { get; init; }

    public required string YouthTeamName { get; init; }

    public required string YouthTeamPolicyRef { get; init; }

    /// <summary>The national guidance schools work from (UKCIS 2020, updated March 2024), replacing "Sexting in schools and colleges" (2016).</summary>
    public string UkcisGuidanceUrl { get; init; } = UkcisGuidance;

    /// <summary>The address of the UKCIS guidance on GOV.UK.</summary>
    public const string UkcisGuidance = "https://www.gov.uk/government/publications/sharing-nudes-and-semi-nudes-advice-for-education-settings-working-with-children-and-young-people";

    public required string AdviceWebsite { get; init; }

    /// <summary>The policy's letter to schools of the force: Appendix C (Devon and Cornwall) or D (Dorset); null for a force SA028 does not cover.</summary>
    public string? Appendix { get; init; }

    public string? SettingName { get; init; }

    public string? SettingUrn { get; init; }

    public string? SettingPostcode { get; init; }

    public string? ReporterName { get; init; }

    public string? ReporterRole { get; init; }

    public string? ReporterEmail { get; init; }

    public string? ReporterPhone { get; init; }

    public string? DiscoveredOn { get; init; }

    public string? ReceivedOn { get; init; }

    public bool SharedBeyondIntendedRecipient { get; init; }

    public bool ImageryViewedBySetting { get; init; }

    public bool ImageryCopiedBySetting { get; init; }

    /// <summary>UKCIS 2024: a pseudo-image or AI-generated imagery.</summary>
    public bool ImageryPseudoOrGenerated { get; init; }

    public bool ParentsInformedBySetting { get; init; }

    /// <summary>References of the young people whose parent or carer the setting says is not safe to contact ("YP1 and YP3").</summary>
    public string? ParentsNotSafe { get; init; }

    public bool AnyParentNotSafe => ParentsNotSafe is not null;

    /// <summary>The incident summary as lines; empty for readers who are not police.</summary>
    public IReadOnlyList<string> Summary { get; init; } = [];

    public bool HasSummary => Summary.Count > 0;

    public IReadOnlyList<PersonView> YoungPeople { get; init; } = [];

    public int YoungPeopleCount => YoungPeople.Count;

    public bool NamesShown { get; init; }

    public IReadOnlyList<AdultView> Adults { get; init; } = [];

    public bool HasAdults => Adults.Count > 0;

    public IReadOnlyList<FactorView> Factors { get; init; } = [];

    public bool HasFactors => Factors.Count > 0;

    public IReadOnlyList<CheckView> FactorsChecked { get; init; } = [];

    public IReadOnlyList<ConcernView> Concerns { get; init; } = [];

    public bool HasConcerns => Concerns.Count > 0;

    public IReadOnlyList<string> VulnerabilityNotes { get; init; } = [];

    public bool HasVulnerabilityNotes => VulnerabilityNotes.Count > 0;

    public string? Link { get; init; }

    /// <summary>Contract §4.2, §4.3, §11: the reporter has not confirmed their address yet (police readers are told).</summary>
    public bool ReporterNotYetConfirmed { get; init; }

    /// <summary>Contract §11: the reporter's address is outside <c>Intake:TrustedReporterDomains</c>.</summary>
    public bool ReporterOutsideTrustedDomains { get; init; }

    public string? LinkExpiresAt { get; init; }

    public string? DueBy { get; init; }

    public string? ActorName { get; init; }

    public IReadOnlyList<string> Rationale { get; init; } = [];

    public bool HasRationale => Rationale.Count > 0;

    public string? RecipientName { get; init; }

    public string? PolicyReviewDate { get; init; }

    /// <summary>Outcome 21 was authorised (the case has an outcome).</summary>
    public bool Authorised { get; init; }

    public string? AuthorisedBy { get; init; }

    public string? AuthorisedOn { get; init; }

    /// <summary>The case goes to investigation (aggravating factors, or the manager declined).</summary>
    public bool Investigation { get; init; }

    /// <summary>The manager declined Outcome 21.</summary>
    public bool Declined { get; init; }
}
