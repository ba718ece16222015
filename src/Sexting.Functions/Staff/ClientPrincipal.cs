using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sexting.Core.Staff;

namespace Sexting.Functions.Staff;

/// <summary>
/// App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c> header (contract §9): base64 of JSON
/// <c>{ auth_typ, claims: [{ typ, val }], name_typ, role_typ }</c>. The platform strips any such
/// header a client sends and sets its own; the local host's development sign-in does the same.
/// </summary>
internal static class ClientPrincipal
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The Entra ID object id claim: the person's stable user id.</summary>
    public const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    private const int MaxHeaderLength = 16 * 1024;

    private static readonly string[] EmailClaims =
    [
        "preferred_username",
        "email",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
    ];

    /// <summary>The person in a header value, or <c>null</c> when it is absent, malformed or lacks an id, a name or an email.</summary>
    public static StaffMember? Decode(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxHeaderLength)
        {
            return null;
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(Convert.FromBase64String(header));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }

        if (payload?.Claims is not { } claims)
        {
            return null;
        }

        string? First(params string[] types) =>
            types.Select(t => claims.FirstOrDefault(c => c.Type == t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

        var roleType = string.IsNullOrEmpty(payload.RoleType) ? "roles" : payload.RoleType;
        var roles = claims.Where(c => (c.Type == roleType || c.Type == "roles") && !string.IsNullOrWhiteSpace(c.Value))
            .Select(c => c.Value!.Trim())
            .ToHashSet(StringComparer.Ordinal);
        var userId = First(ObjectIdClaim, "oid", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier");
        var name = First(string.IsNullOrEmpty(payload.NameType) ? "name" : payload.NameType, "name");
        var email = First(EmailClaims);
        return userId is null || name is null || email is null || !IsPlain(userId) || !IsPlain(name) || !IsPlain(email)
            ? null
            : new StaffMember(userId, name, email, roles);
    }

    /// <summary>The header value for a person, as the platform writes it.</summary>
    public static string Encode(StaffMember who)
    {
        ArgumentNullException.ThrowIfNull(who);
        var claims = new List<Claim>
        {
            new(ObjectIdClaim, who.UserId),
            new("name", who.Name),
            new("preferred_username", who.Email),
        };
        claims.AddRange(who.Roles.Order(StringComparer.Ordinal).Select(r => new Claim("roles", r)));
        var payload = new Payload { AuthType = "aad", Claims = claims, NameType = "name", RoleType = "roles" };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload)));
    }

    /// <summary>Names and addresses go into timelines and pages: nothing that could reorder or hide text.</summary>
    private static bool IsPlain(string value) =>
        value.Length <= 256 && !value.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator);

    private sealed class Payload
    {
        [JsonPropertyName("auth_typ")]
        public string? AuthType { get; set; }

        [JsonPropertyName("claims")]
        public List<Claim>? Claims { get; set; }

        [JsonPropertyName("name_typ")]
        public string? NameType { get; set; }

        [JsonPropertyName("role_typ")]
        public string? RoleType { get; set; }
    }

    private sealed record Claim([property: JsonPropertyName("typ")] string? Type, [property: JsonPropertyName("val")] string? Value);
}
