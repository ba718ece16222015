using Sexting.Core.Links;

namespace Sexting.Functions.Notifications;

/// <summary>Absolute link addresses (contract §5, §6): <c>{PublicBaseUrl}/api/approvals/{token}</c> <c>/api/education/{token}</c> and <c>/api/confirmations/{token}</c> (§11).</summary>
public static class LinkUrls
{
    public static Uri For(string publicBaseUrl, LinkPurpose purpose, DecisionToken token)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentNullException.ThrowIfNull(token);
        var path = purpose switch
        {
            LinkPurpose.Authorisation => "api/approvals/",
            LinkPurpose.EducationDelivered => "api/education/",
            LinkPurpose.ReporterConfirmation => "api/confirmations/",
            _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown link purpose."),
        };
        return new Uri(publicBaseUrl.TrimEnd('/') + "/" + path + Uri.EscapeDataString(token.Value));
    }
}
