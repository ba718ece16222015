namespace Sexting.Infrastructure.Email;

/// <summary>The absolute base of every link put in an email (contract §1, <c>PublicBaseUrl</c>).</summary>
public sealed class PublicLinkOptions
{
    /// <summary>The configuration key (at the root of the configuration).</summary>
    public const string Key = "PublicBaseUrl";

    /// <summary>The base, for example <c>http://127.0.0.1:7071</c>.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:7071");
}
