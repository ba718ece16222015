using Sexting.Functions.Common;

namespace Sexting.Functions.Authorisation;

/// <summary>The decision form of contract §5: <c>decision</c>, <c>managerName</c>, <c>rationale</c> (required to authorise or decline).</summary>
public sealed record ApprovalForm(DecisionKind Decision, string ManagerName, string? Rationale)
{
    public static (ApprovalForm? Form, Dictionary<string, string[]> Errors) Parse(IReadOnlyDictionary<string, string> fields)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var decisionText = FormFields.Get(fields, "decision");
        DecisionKind? decision = decisionText switch
        {
            "authorise" => DecisionKind.Authorise,
            "decline" => DecisionKind.Decline,
            "consult" => DecisionKind.Consult,
            _ => null,
        };
        if (decision is null)
        {
            errors["decision"] = ["Choose authorise, decline or consult."];
        }

        var name = FormFields.Get(fields, "managerName");
        if (name is null)
        {
            errors["managerName"] = ["Enter your name."];
        }
        else if (name.Length > 200 || !FormFields.IsSingleLine(name))
        {
            errors["managerName"] = ["Enter your name on one line, at most 200 characters."];
        }

        var rationale = FormFields.Get(fields, "rationale");
        if (rationale is null && decision is DecisionKind.Authorise or DecisionKind.Decline)
        {
            errors["rationale"] = ["Give the rationale for your decision."];
        }
        else if (rationale is not null && (rationale.Length > FormFields.MaxFieldLength || !FormFields.IsText(rationale)))
        {
            errors["rationale"] = [$"The rationale must be text of at most {FormFields.MaxFieldLength} characters."];
        }

        return errors.Count > 0 ? (null, errors) : (new ApprovalForm(decision!.Value, name!, rationale), errors);
    }
}
