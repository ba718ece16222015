namespace Sexting.SystemTests.Browser.Preview;

/// <summary>
/// Where the browser tests point: a base URL and the decision-link tokens to open there. By
/// default the preview server of this project; set <c>SEXTING_PAGES_BASE_URL</c> (and the
/// <c>SEXTING_PAGES_*_TOKEN</c> variables) to point the same tests at a running local host.
/// </summary>
internal sealed record PageTarget(string BaseUrl, string ApprovalToken, string EducationToken, string ExpiredToken, string UsedToken, string ConfirmationToken)
{
    public const string BaseUrlVariable = "SEXTING_PAGES_BASE_URL";

    public static PageTarget? FromEnvironment()
    {
        var baseUrl = Environment.GetEnvironmentVariable(BaseUrlVariable);
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            return null;
        }

        static string Token(string name, string fallback) => Environment.GetEnvironmentVariable("SEXTING_PAGES_" + name + "_TOKEN") ?? fallback;
        return new PageTarget(baseUrl.TrimEnd('/'), Token("APPROVAL", "unknown"), Token("EDUCATION", "unknown"), Token("EXPIRED", "unknown"), Token("USED", "unknown"), Token("CONFIRMATION", "unknown"));
    }

    public static PageTarget ForPreview(string baseUrl) => new(baseUrl, PagePreviewServer.ApprovalToken, PagePreviewServer.EducationToken, PagePreviewServer.ExpiredToken, PagePreviewServer.UsedToken, PagePreviewServer.ConfirmationToken);
}
