using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;

namespace Sexting.SystemTests.EndToEnd.Documentation;

/// <summary>The README's by-hand example works as written.</summary>
[Trait("Category", "EndToEnd")]
[Collection(SharedHostCollection.Name)]
public sealed partial class ReadmeTests(WorkflowHost host)
{
    [Fact]
    public async Task ReadmeExampleReferral_Submitted_Accepted()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "README.md"));
        var match = ExampleBody().Match(readme);
        Assert.True(match.Success, "README.md has no `curl ... --data '{...}'` example referral.");
        var referral = JsonNode.Parse(match.Groups["json"].Value)!.AsObject();

        var submission = await host.Api.SubmitAsync(referral);

        Assert.True(submission.Status == HttpStatusCode.Accepted, $"{(int)submission.Status}: {submission.Body}");
    }

    [GeneratedRegex(@"--data '(?<json>\{.*?\})'", RegexOptions.Singleline)]
    private static partial Regex ExampleBody();
}
