namespace Sexting.SystemTests.EndToEnd.Client;

/// <summary>How a read presents the function key.</summary>
public enum KeyUse
{
    /// <summary>The <c>x-functions-key</c> header.</summary>
    Header,

    /// <summary>The <c>code</c> query parameter.</summary>
    Query,

    /// <summary>A wrong key in the header.</summary>
    Wrong,

    /// <summary>No key at all.</summary>
    None,
}
