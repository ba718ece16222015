using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>
/// Contract §3, §8, §9, §10 on the local host over HTTP: a case is read with the function key or by a
/// signed-in person with a role and the case's force role; every read and action by a person is in
/// the case's audit, which only an Administrator of the force may read.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(SharedHostCollection.Name)]
public sealed class CaseReadAuditTests(WorkflowHost host)
{
    [Fact]
    public async Task GetReferral_SignedInStaff_NeedARoleAndTheCasesForceRole()
    {
        var api = host.Api;
        var id = (await api.SubmitAcceptedAsync(SampleReferral.Create())).ReferralId; // Devon and Cornwall
        var officer = await api.StaffAsync("PC Reader Officer", "YouthOfficer Force.DevonAndCornwall");
        var dorsetOfficer = await api.StaffAsync("PC Dorset Officer", "YouthOfficer Force.Dorset");
        var forceOnly = await api.StaffAsync("Ms Force Only", "Force.DevonAndCornwall");
        using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };

        using var read = await officer.GetAsync(Path(id));
        using var otherForce = await dorsetOfficer.GetAsync(Path(id));
        using var noRole = await forceOnly.GetAsync(Path(id));
        using var signedOut = await anonymous.GetAsync(Path(id));
        using var unknown = await officer.GetAsync(Path("0123456789abcdef0123456789abcdef"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains(id, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, otherForce.StatusCode);
        Assert.DoesNotContain("crimeReference", await otherForce.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, noRole.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Audit_ListsEveryReadAndActionByAPerson_ForAnAdministratorOfTheForceOnly()
    {
        var api = host.Api;
        var id = (await api.SubmitAcceptedAsync(SampleReferral.Create())).ReferralId;
        await api.ConfirmReporterAsync(id); // contract §11: a reporter confirms; no person is audited for it
        var link = (await host.Outbox.WaitForOneAsync(id, "AuthorisationRequest")).Link;
        await api.WaitForEventAsync(id, "AuthorisationRequested");
        var officer = await api.StaffAsync("PC Audit Reader", "YouthOfficer Force.DevonAndCornwall");
        var dorsetOfficer = await api.StaffAsync("PC Audit Dorset", "YouthOfficer Force.Dorset");
        var manager = await api.StaffAsync("DI Audit Manager", "AuthorisingManager Force.DevonAndCornwall");
        var admin = await api.StaffAsync("Ms Audit Admin", "Administrator Force.DevonAndCornwall");
        var dorsetAdmin = await api.StaffAsync("Mr Dorset Admin", "Administrator Force.Dorset");

        (await officer.GetAsync(Path(id))).Dispose();
        (await dorsetOfficer.GetAsync(Path(id))).Dispose(); // refused: not in the audit
        await api.ReadAsync(id); // a machine, with the function key: not a person
        (await manager.GetAsync(link)).Dispose();
        using (var decided = await manager.PostAsync(link, Form(("decision", "authorise"), ("rationale", "First incident."))))
        {
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }

        using var byOfficer = await officer.GetAsync(AuditPath(id));
        using var byOtherForce = await dorsetAdmin.GetAsync(AuditPath(id));
        using var byMachine = await KeyedAsync(api, AuditPath(id));
        using var audit = await admin.GetAsync(AuditPath(id));

        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOtherForce.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byMachine.StatusCode);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        using var json = JsonDocument.Parse(await audit.Content.ReadAsStringAsync());
        var entries = json.RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => (Who: e.GetProperty("who").GetString(), Email: e.GetProperty("email").GetString(), Action: e.GetProperty("action").GetString(), At: e.GetProperty("at").GetDateTimeOffset()))
            .ToList();
        Assert.Equal(
            [
                ("PC Audit Reader", "pc.audit.reader@police.example", "ReadCase"),
                ("DI Audit Manager", "di.audit.manager@police.example", "OpenedApprovalLink"),
                ("DI Audit Manager", "di.audit.manager@police.example", "Authorised"),
                ("Ms Audit Admin", "ms.audit.admin@police.example", "ReadAudit"),
            ],
            entries.Select(e => (e.Who, e.Email, e.Action)).ToList());
        Assert.Equal(entries.OrderBy(e => e.At).Select(e => e.At), entries.Select(e => e.At));
        Assert.All(json.RootElement.GetProperty("entries").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("userId").GetString())));
    }

    [Fact]
    public async Task SummaryReport_KeyOrPrevention_OthersRefused()
    {
        var api = host.Api;
        const string Report = "api/reports/summary?from=2026-01-01&to=2026-12-31";
        var prevention = await api.StaffAsync("Ms Prevention Analyst", "Prevention");
        var officer = await api.StaffAsync("PC Not Prevention", "YouthOfficer Force.DevonAndCornwall");
        using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };

        using var byPrevention = await prevention.GetAsync(Report);
        using var byOfficer = await officer.GetAsync(Report);
        using var signedOut = await anonymous.GetAsync(Report);
        using var byMachine = await KeyedAsync(api, Report);

        Assert.Equal(HttpStatusCode.OK, byPrevention.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byMachine.StatusCode);
    }

    private static string Path(string id) => "api/referrals/" + id;

    private static string AuditPath(string id) => "api/cases/" + id + "/audit";

    private Task<HttpResponseMessage> KeyedAsync(ReferralApi api, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(api.BaseAddress, path));
        request.Headers.Add("x-functions-key", host.FunctionKey);
        return Shared.SendAsync(request);
    }

    private static readonly HttpClient Shared = new() { Timeout = TimeSpan.FromSeconds(30) };

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields)
    {
        var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }
}
