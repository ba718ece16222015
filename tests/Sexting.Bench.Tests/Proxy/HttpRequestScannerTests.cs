using System.Text;
using Sexting.Bench.Proxy;

namespace Sexting.Bench.Tests.Proxy;

public class HttpRequestScannerTests
{
    private const string Get = "GET /devstoreaccount1/AppCases(PartitionKey='a',RowKey='case') HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private const string Batch = "POST /devstoreaccount1/$batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 41\r\n\r\n"
        + "GET /devstoreaccount1/Fake HTTP/1.1\r\n\r\n\r\n"; // a body that looks like a request head must not be counted

    [Fact]
    public void Feed_KeepAliveRequestsWithBodies_CountsEachHeadOnly()
    {
        var seen = Scan(Get + Batch + Get);

        Assert.Equal(["GET", "POST", "GET"], seen.Select(s => s.Method));
        Assert.Equal("/devstoreaccount1/$batch", seen[1].Target);
    }

    [Fact]
    public void Feed_BytesSplitAnywhere_CountsTheSame()
    {
        var bytes = Encoding.ASCII.GetBytes(Get + Batch + Get);
        var scanner = new HttpRequestScanner();
        var count = 0;
        foreach (var b in bytes)
        {
            scanner.Feed([b], (_, _) => count++);
        }

        Assert.Equal(3, count);
        Assert.False(scanner.Failed);
    }

    [Fact]
    public void Feed_ChunkedBody_ReportsFailure()
    {
        var scanner = new HttpRequestScanner();
        scanner.Feed(Encoding.ASCII.GetBytes("POST /x/y HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"), (_, _) => { });

        Assert.True(scanner.Failed);
    }

    [Theory]
    [InlineData("GET", "/devstoreaccount1/AppCases(PartitionKey='a',RowKey='case')", "GET AppCases")]
    [InlineData("GET", "/devstoreaccount1/AppCases()?$filter=x", "GET AppCases")]
    [InlineData("POST", "/devstoreaccount1/$batch", "POST $batch")]
    [InlineData("GET", "/devstoreaccount1/hub-control-00/messages?numofmessages=32", "GET hub-control-00/messages")]
    [InlineData("PUT", "/devstoreaccount1/hub-leases/default/hub-control-00?comp=lease", "PUT hub-leases/*")]
    public void ResourceOf_StoragePaths_NameTheTableQueueOrContainer(string method, string target, string expected) =>
        Assert.Equal(expected, CountingProxy.ResourceOf(method, target));

    private static List<(string Method, string Target)> Scan(string text)
    {
        var seen = new List<(string, string)>();
        new HttpRequestScanner().Feed(Encoding.ASCII.GetBytes(text), (m, t) => seen.Add((m, t)));
        return seen;
    }
}
