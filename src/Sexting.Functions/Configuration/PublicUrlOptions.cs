namespace Sexting.Functions.Configuration;

/// <summary>Contract §1 <c>PublicBaseUrl</c>: the absolute base of every link put in an email. A root-level key.</summary>
public sealed class PublicUrlOptions
{
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    public bool IsValid() =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
