using System.Net;
using System.Net.Http.Headers;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>
/// Contract §5, §9 on the local host over HTTP: decision and education links need a signed-in person
/// with the role for the case's force; the person recorded is the one signed in, never a typed name.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(SharedHostCollection.Name)]
public sealed class StaffSignInTests(WorkflowHost host)
{
    [Fact]
    public async Task ApprovalLink_SignedOutWrongRoleOrForce_RefusedThenTheCasesManagerDecides()
    {
        var api = host.Api;
        var id = (await api.SubmitAcceptedAsync(SampleReferral.Create())).ReferralId; // Devon and Cornwall
        await api.ConfirmReporterAsync(id);
        var link = (await host.Outbox.WaitForOneAsync(id, "AuthorisationRequest")).Link;
        await api.WaitForEventAsync(id, "AuthorisationRequested");

        var signedOut = await api.OpenSignedOutAsync(link);
        using var anonymous = new HttpClient();
        using var anonymousPost = await anonymous.PostAsync(link, Form(("decision", "authorise"), ("rationale", "x")));
        var youthOfficer = await api.StaffAsync("PC Youth Officer", "YouthOfficer Force.DevonAndCornwall");
        var dorsetManager = await api.StaffAsync("DI Dorset Manager", "AuthorisingManager Force.Dorset");
        using var officerGet = await youthOfficer.GetAsync(link);
        using var officerPost = await youthOfficer.PostAsync(link, Form(("decision", "authorise"), ("rationale", "x")));
        using var dorsetGet = await dorsetManager.GetAsync(link);
        using var dorsetPost = await dorsetManager.PostAsync(link, Form(("decision", "authorise"), ("rationale", "x")));
        var dcManager = await api.StaffAsync("DI Devon Manager", "AuthorisingManager Force.DevonAndCornwall");
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, link) { Content = Form(("decision", "authorise"), ("rationale", "x")) };
        crossSite.Headers.Add("Origin", "https://evil.example");
        using var crossSitePost = await dcManager.SendAsync(crossSite);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=" + link.AbsolutePath, signedOut.Location);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousPost.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officerGet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officerPost.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dorsetGet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dorsetPost.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossSitePost.StatusCode);
        Assert.Equal("AwaitingAuthorisation", CaseJson.Status(await api.GetCaseAsync(id)));

        // The case's own manager, with a typed name that must be ignored.
        using var decided = await dcManager.PostAsync(link, Form(("decision", "authorise"), ("managerName", "Chief Constable (typed by anyone)"), ("rationale", "First incident.")));
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        // The Authorised entry is appended a moment before the status moves: wait for both.
        var @case = await api.WaitForCaseAsync(
            id, c => CaseJson.Status(c) == "EducationAndIntervention" && CaseJson.Entries(c, "Authorised").Any(), "authorised and in education");
        var authorised = Assert.Single(CaseJson.Entries(@case, "Authorised")).GetProperty("detail").GetString();
        Assert.Contains("DI Devon Manager (di.devon.manager@police.example)", authorised, StringComparison.Ordinal);
        Assert.DoesNotContain("Chief Constable", authorised, StringComparison.Ordinal);
        Assert.Equal("DI Devon Manager (di.devon.manager@police.example)", @case.GetProperty("outcome").GetProperty("authorisedBy").GetString());
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields)
    {
        var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }
}
