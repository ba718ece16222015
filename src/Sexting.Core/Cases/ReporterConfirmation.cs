namespace Sexting.Core.Cases;

/// <summary>
/// Whether the reporter of a case has confirmed their email address (contract §11), and whether it
/// is in one of the trusted reporter domains (<c>Intake:TrustedReporterDomains</c>): a reporter
/// outside them is accepted and flagged for staff.
/// </summary>
/// <param name="TrustedDomain">The reporter's address is in a trusted domain.</param>
/// <param name="ConfirmedAt">When the reporter confirmed; <c>null</c> until then.</param>
public sealed record ReporterConfirmation(bool TrustedDomain, DateTimeOffset? ConfirmedAt);
