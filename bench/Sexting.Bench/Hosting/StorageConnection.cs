namespace Sexting.Bench.Hosting;

/// <summary>Connection strings for Azurite's development account on loopback ports of our choosing.</summary>
internal static class StorageConnection
{
    // Azurite's published development key (https://learn.microsoft.com/azure/storage/common/storage-use-azurite).
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static string For(int? blobPort, int? queuePort, int? tablePort)
    {
        var parts = new List<string> { "DefaultEndpointsProtocol=http", "AccountName=devstoreaccount1", "AccountKey=" + DevelopmentKey };
        if (blobPort is { } blob)
        {
            parts.Add($"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1");
        }

        if (queuePort is { } queue)
        {
            parts.Add($"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1");
        }

        if (tablePort is { } table)
        {
            parts.Add($"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1");
        }

        return string.Join(';', parts) + ";";
    }
}
