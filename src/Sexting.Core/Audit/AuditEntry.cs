using Sexting.Core.Links;

namespace Sexting.Core.Audit;

/// <summary>
/// One thing a person did with a case (contract §9, §10): who (as signed in), when, and what. The
/// action is a code from <see cref="AuditActions"/>, never free text, so no personal data of the
/// case enters the audit.
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, StaffIdentity Who, string Action);
