using Microsoft.AspNetCore.Http;
using Sexting.Core.Links;
using Sexting.Core.Referrals;

namespace Sexting.Functions.Pages.Decisions;

/// <summary>
/// The decision form of POST /api/approvals/{token} (contract §5): <c>decision</c> =
/// <c>authorise</c> | <c>decline</c> | <c>consult</c>, <c>rationale</c> (required to authorise or
/// decline). Who decides is the signed-in person (§9), never a typed name: a <c>managerName</c>
/// field, if sent, is ignored. Holds the text as posted, to show again. Each field is single-valued:
/// one sent twice makes the form bad (contract §2, §5), rather than one of the two being taken.
/// Text follows <see cref="TextRules"/>.
/// </summary>
public sealed record ApprovalForm(string Decision, string Rationale)
{
    public const string DecisionField = "decision";
    public const string RationaleField = "rationale";

    /// <summary>Longest rationale accepted (<see cref="ReferralLimits.MaxRationale"/>).</summary>
    public const int MaxRationale = ReferralLimits.MaxRationale;

    /// <summary>The form's own fields that were posted more than once.</summary>
    public IReadOnlyList<string> Repeated { get; init; } = [];

    /// <summary>An empty form.</summary>
    public static ApprovalForm Empty { get; } = new("", "");

    /// <summary>The form as posted.</summary>
    public static ApprovalForm From(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return From(name => form[name].LastOrDefault()) with
        {
            Repeated = [.. new[] { DecisionField, RationaleField }.Where(name => form[name].Count > 1)],
        };
    }

    /// <summary>The form from a lookup of posted fields.</summary>
    public static ApprovalForm From(Func<string, string?> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new(field(DecisionField) ?? "", field(RationaleField) ?? "");
    }

    /// <summary>The decision, when the form is complete and valid; otherwise the errors, keyed by field name.</summary>
    public (ApprovalDecision? Decision, IReadOnlyDictionary<string, string> Errors) Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var decision = ApprovalDecisions.Of(Decision.Trim());
        if (decision is null)
        {
            errors[DecisionField] = "Select whether you authorise Outcome 21, decline it, or want to consult a safeguarding expert";
        }

        var rationale = TextRules.TrimOrdinary(Rationale);
        if (rationale.Length == 0 && decision is ApprovalDecision.Authorise or ApprovalDecision.Decline)
        {
            errors[RationaleField] = decision == ApprovalDecision.Authorise
                ? "Enter your rationale for authorising Outcome 21"
                : "Enter your rationale for declining Outcome 21";
        }
        else if (rationale.Length > MaxRationale)
        {
            errors[RationaleField] = $"Your rationale must be {MaxRationale} characters or fewer";
        }
        else if (!TextRules.IsAllowed(rationale, multiline: true))
        {
            errors[RationaleField] = "Your rationale must not contain control, format or separator characters (such as zero-width or right-to-left marks)";
        }

        foreach (var field in Repeated)
        {
            errors[field] = "This field was sent more than once. Fill in the form once and send it again";
        }

        return (errors.Count == 0 ? decision : null, errors);
    }
}
