using System.Net;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>
/// Contract §4.6, issue 6: a case waiting for authorisation survives a stop of the local host
/// (SIGTERM, as Ctrl-C of scripts/run.sh) and, with Azurite's data on disk, of Azurite too. The
/// link sent before the restart works after it, and the fan-out goes out exactly once.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class RestartTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Authorise_AfterRestartWhileAwaitingAuthorisation_FanOutExactlyOnce(bool restartAzurite)
    {
        var host = new RestartableHost(persistAzurite: restartAzurite);
        await host.InitializeAsync();
        try
        {
            var contacts = ForceContacts.For("DevonAndCornwall");
            var id = (await host.Api.SubmitAcceptedAsync(SampleReferral.Create())).ReferralId;
            await host.Api.ConfirmReporterAsync(id);
            var link = (await host.Outbox.WaitForOneAsync(id, "AuthorisationRequest")).Link;
            await host.Api.WaitForEventAsync(id, "AuthorisationRequested");
            // Acknowledgement with the assessment, then the confirmation with the request (workflow v5): two
            // activities committed, so the orchestration now waits for the decision (see the report of the
            // stop-mid-episode case).
            await new DurableHistory(host.Azurite.ConnectionString, host.TaskHub).WaitForCompletedActivitiesAsync(id, 2);

            await host.StopHostAsync();
            Assert.True(host.Host.HasExited);
            if (restartAzurite)
            {
                await host.StopAzuriteAsync();
                await host.StartAzuriteAsync();
            }

            await host.StartHostAsync();
            var api = host.Api;
            Assert.Equal("AwaitingAuthorisation", CaseJson.Status(await api.GetCaseAsync(id)));
            var decided = await api.DecideAsync(link, "authorise", "DI Example Manager", "Authorised after the restart.");
            Assert.Equal(HttpStatusCode.OK, decided.Status);

            await FanOut.WaitAsync(api, host.Outbox, id);
            // Anything sent twice would come within moments of the first; look again after a short while.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var @case = await api.GetCaseAsync(id);
            Assert.Equal("EducationAndIntervention", CaseJson.Status(@case));
            FanOut.AssertExactlyOnce(host.Outbox, id, contacts);
            FanOut.AssertTimelineOnce(@case);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
