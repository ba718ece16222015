namespace Sexting.Infrastructure.Email;

/// <summary>
/// Contract §1 <c>PublicBaseUrl</c>: the absolute base of every link put in an email, and the origin
/// a form's POST must come from. The one options class of the key, bound once by
/// <see cref="EmailServiceCollectionExtensions.AddPublicLinks"/> and read by email and the HTTP functions alike.
/// </summary>
public sealed class PublicLinkOptions
{
    /// <summary>The configuration key (at the root of the configuration).</summary>
    public const string Key = "PublicBaseUrl";

    /// <summary>The base, for example <c>http://127.0.0.1:7071</c>.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:7071");

    /// <summary>The base as text without a trailing slash, as the workflow's inputs carry it: <c>http://127.0.0.1:7071</c>.</summary>
    public string BaseText => PublicBaseUrl.AbsoluteUri.TrimEnd('/');
}
