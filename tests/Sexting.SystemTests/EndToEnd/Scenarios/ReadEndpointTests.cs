using System.Net;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>Contract §1 <c>LocalHost:FunctionKey</c>, §3: reading a case needs the function key, as in Azure.</summary>
[Trait("Category", "EndToEnd")]
[Collection(SharedHostCollection.Name)]
public sealed class ReadEndpointTests(WorkflowHost host)
{
    [Theory]
    [InlineData(KeyUse.None, HttpStatusCode.Unauthorized)]
    [InlineData(KeyUse.Wrong, HttpStatusCode.Unauthorized)]
    [InlineData(KeyUse.Header, HttpStatusCode.OK)]
    [InlineData(KeyUse.Query, HttpStatusCode.OK)]
    public async Task GetReferral_ByFunctionKeyUse_AnswersAsAzureWould(KeyUse key, HttpStatusCode expected)
    {
        var api = host.Api;
        var id = (await api.SubmitAcceptedAsync(SampleReferral.Create())).ReferralId;
        await api.ConfirmReporterAsync(id);

        var (status, body) = await api.ReadAsync(id, key);

        Assert.Equal(expected, status);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains(id, body, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(id, body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-a-referral-id")]
    public async Task GetReferral_UnknownId_NotFound(string referralId)
    {
        var (status, _) = await host.Api.ReadAsync(referralId);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
