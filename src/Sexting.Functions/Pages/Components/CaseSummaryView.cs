namespace Sexting.Functions.Pages.Components;

/// <summary>
/// What the case summary partial (<c>_caseSummary</c>) shows of a case behind a decision link:
/// references, ages and roles, never a young person's name or contact (contract §5); the
/// school's free text only as <see cref="Infrastructure.Text.PoliceReaderText"/> gives it.
/// </summary>
internal sealed record CaseSummaryView(
    string CrimeReference,
    string Force,
    string Setting,
    string FoundOutOn,
    bool SharedBeyondIntendedRecipient,
    bool PseudoOrGeneratedImagery,
    bool ParentsInformedBySetting,
    IReadOnlyList<string> YoungPeople,
    IReadOnlyList<FactorItem> Factors,
    IReadOnlyList<CheckItem> Checks,
    IReadOnlyList<string> Concerns,
    string ProposedOutcome,
    IReadOnlyList<string>? Summary);
