using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sexting.Core.Staff;
using Sexting.Functions.Staff;
using Sexting.Functions.Pages;

namespace Sexting.LocalHost.SignIn;

/// <summary>
/// The local host's development sign-in (contract §9, <c>Auth:Mode=Emulator</c>), modelled on the
/// Static Web Apps CLI's emulator: a sign-in page where anyone types a name, an email and roles, a
/// session cookie, <c>/.auth/me</c> and <c>/.auth/logout</c>. Every request has any client-sent
/// <c>X-MS-CLIENT-PRINCIPAL*</c> header removed, and the signed-in person's principal set in the
/// platform's own format, so the app reads it exactly as it does behind App Service Authentication.
/// It proves nothing about who someone is: its pages say so, and the Functions app refuses this mode
/// on App Service.
/// </summary>
internal static class DevelopmentSignIn
{
    public const string CookieName = "sexting-dev-signin";

    private const string LoginPath = "/.auth/login/aad";
    private const string Purpose = "Sexting.LocalHost.DevelopmentSignIn.v1";

    /// <summary>Strips client-sent principals and sets the signed-in person's; first in the pipeline.</summary>
    public static void UseDevelopmentSignIn(this WebApplication app)
    {
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        app.Use(async (context, next) =>
        {
            var headers = context.Request.Headers;
            foreach (var name in headers.Keys.Where(k => k.StartsWith(ClientPrincipal.Header, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                headers.Remove(name);
            }

            if (Read(context.Request, protector) is { } who)
            {
                headers[ClientPrincipal.Header] = ClientPrincipal.Encode(who);
                headers[ClientPrincipal.Header + "-ID"] = who.UserId;
                headers[ClientPrincipal.Header + "-NAME"] = who.Email;
                headers[ClientPrincipal.Header + "-IDP"] = "aad";
            }

            await next(context);
        });
    }

    /// <summary>The emulator's own routes.</summary>
    public static void MapDevelopmentSignIn(this IEndpointRouteBuilder endpoints)
    {
        var protector = endpoints.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

        endpoints.MapGet(LoginPath, (HttpContext context) =>
            Page(context, "Sign in", SignInForm(SafeRedirect(context.Request.Query["post_login_redirect_uri"]), null)));

        endpoints.MapPost(LoginPath, async (HttpContext context) =>
        {
            if (RequestOrigin.IsCrossSite(context.Request, null))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Requests from other sites are refused.");
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var redirect = SafeRedirect(form["post_login_redirect_uri"]);
            var name = form["name"].ToString().Trim();
            var email = form["email"].ToString().Trim();
            var roles = form["roles"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            var who = new StaffMember(UserIdOf(email), name, email, roles);
            if (name.Length == 0 || email.Length == 0 || !email.Contains('@', StringComparison.Ordinal)
                || ClientPrincipal.Decode(ClientPrincipal.Encode(who)) is null)
            {
                return Page(context, "Sign in", SignInForm(redirect, "Enter a name and an email address (letters, numbers and punctuation only)."), StatusCodes.Status400BadRequest);
            }

            context.Response.Cookies.Append(CookieName, protector.Protect(JsonSerializer.Serialize(new Session(who.UserId, who.Name, who.Email, [.. roles]))), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
                IsEssential = true,
            });
            return Results.Redirect(redirect);
        });

        endpoints.MapGet("/.auth/me", (HttpContext context) =>
        {
            var who = Read(context.Request, protector);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(new
            {
                clientPrincipal = who is null ? null : new
                {
                    identityProvider = "aad",
                    userId = who.UserId,
                    userDetails = who.Email,
                    name = who.Name,
                    userRoles = who.Roles.Order(StringComparer.Ordinal).ToArray(),
                },
            });
        });

        endpoints.MapGet("/.auth/logout", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
            var back = context.Request.Query["post_logout_redirect_uri"].ToString();
            return back.Length > 0
                ? Results.Redirect(SafeRedirect(back))
                : Page(context, "Signed out", """
                    <h1 class="govuk-heading-l">You are signed out</h1>
                    <p class="govuk-body"><a class="govuk-link" href="/.auth/login/aad">Sign in again</a></p>
                    """);
        });
    }

    /// <summary>A stable, made-up user id for an email address, as a directory would give one.</summary>
    internal static string UserIdOf(string email) =>
        "dev-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..24];

    /// <summary>Only a path of this site is followed after sign-in; anything else goes to the form.</summary>
    internal static string SafeRedirect(string? candidate) =>
        candidate is { Length: > 1 } path && path[0] == '/' && path[1] != '/' && path[1] != '\\' && !path.Any(char.IsControl)
            ? path
            : "/api/form";

    private static StaffMember? Read(HttpRequest request, IDataProtector protector)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        try
        {
            var session = JsonSerializer.Deserialize<Session>(protector.Unprotect(cookie));
            return session is null ? null : new StaffMember(session.UserId, session.Name, session.Email, session.Roles.ToHashSet(StringComparer.Ordinal));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null; // tampered with, or from another key ring: signed out
        }
    }

    private static string SignInForm(string redirect, string? error)
    {
        var roles = string.Join(", ", StaffRoles.Functional.Select(r => $"<code>{WebUtility.HtmlEncode(r)}</code>"));
        var errorHtml = error is null ? string.Empty : $"""
            <div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">
              <h2 class="govuk-error-summary__title">There is a problem</h2>
              <div class="govuk-error-summary__body"><p class="govuk-body">{WebUtility.HtmlEncode(error)}</p></div>
            </div></div>
            """;
        return $"""
            {errorHtml}
            <h1 class="govuk-heading-l">Development sign-in</h1>
            <p class="govuk-body">Type who you are and the roles you hold. In Azure, people sign in with Microsoft Entra ID and their roles come from the directory.</p>
            <form method="post" action="{LoginPath}" novalidate>
              <input type="hidden" name="post_login_redirect_uri" value="{WebUtility.HtmlEncode(redirect)}">
              <div class="govuk-form-group">
                <label class="govuk-label" for="name">Name</label>
                <input class="govuk-input" id="name" name="name" type="text" autocomplete="name" spellcheck="false">
              </div>
              <div class="govuk-form-group">
                <label class="govuk-label" for="email">Email address</label>
                <input class="govuk-input" id="email" name="email" type="email" autocomplete="email" spellcheck="false">
              </div>
              <div class="govuk-form-group">
                <label class="govuk-label" for="roles">Roles</label>
                <div id="roles-hint" class="govuk-hint">Separated by spaces: any of {roles}, and one force role for each force, such as <code>Force.DevonAndCornwall</code> or <code>Force.Dorset</code>.</div>
                <input class="govuk-input" id="roles" name="roles" type="text" aria-describedby="roles-hint" spellcheck="false">
              </div>
              <button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>
            </form>
            """;
    }

    private static IResult Page(HttpContext context, string title, string main, int status = StatusCodes.Status200OK)
    {
        var layout = context.RequestServices.GetRequiredService<PageLayout>();
        var banner = """
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>
              Development sign-in of the local host: anyone can sign in here as anyone, with any role. Never use it for real cases.</strong>
            </div>
            """;
        SecurityHeaders.Apply(context.Response);
        return Results.Content(layout.Render("Development sign-in: " + title, banner + main), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private sealed record Session(string UserId, string Name, string Email, string[] Roles);
}
