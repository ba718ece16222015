using Sexting.Core.Cases;

namespace Sexting.Functions.Intake;

/// <summary>The case a submission landed on, and whether this submission created it.</summary>
public sealed record IntakeResult(CaseRecord Case, bool Created);
