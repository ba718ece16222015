using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sexting.Infrastructure.Email;
using Sexting.Core.Referrals;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Configuration;

namespace Sexting.Functions.Staff;

/// <summary>
/// The answers of contract §9 for a staff request: a page opened signed out goes to the sign-in
/// (302); anything else signed out is 401; signed in without the role is 403; a state-changing POST
/// from another site is 403 before anything else is looked at.
/// </summary>
public sealed class StaffGate(StaffSignIn signIn, IOptions<PublicLinkOptions> urls)
{
    /// <summary>Where a person signs in (App Service Authentication's Entra ID login, or the emulator's page).</summary>
    public const string SignInPath = "/.auth/login/aad";

    /// <summary>For a page a person opens (GET): who they are, or the 302 to sign in, or a 403.</summary>
    public StaffCheck ForPage(HttpRequest request, StaffAction action, ForceArea? force = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var who = signIn.Read(request);
        return StaffPolicy.Decide(who, action, force) switch
        {
            StaffAccess.Allowed => new StaffCheck(who, null),
            StaffAccess.SignInRequired => new StaffCheck(null, new BodyResult(
                StatusCodes.Status302Found, "text/plain; charset=utf-8", string.Empty,
                new Dictionary<string, string> { ["Location"] = SignInUrl(request), ["Cache-Control"] = "no-store" })),
            _ => new StaffCheck(who, Forbidden()),
        };
    }

    /// <summary>For a state-changing POST: 403 from another site, 401 signed out, 403 without the role.</summary>
    public StaffCheck ForAction(HttpRequest request, StaffAction action, ForceArea? force = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RefuseCrossSite(request) is { } refusal ? new StaffCheck(null, refusal) : ForRead(request, action, force);
    }

    /// <summary>The 403 for a state-changing POST from another site's page (contract §5, §10, §11); <c>null</c> when it is not one.</summary>
    public IActionResult? RefuseCrossSite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RequestOrigin.IsCrossSite(request, PublicBase)
            ? HttpResults.Problem(StatusCodes.Status403Forbidden, "Requests from other sites are refused.")
            : null;
    }

    /// <summary>For a JSON read or an action already past the origin check: 401 signed out, 403 without the role.</summary>
    public StaffCheck ForRead(HttpRequest request, StaffAction action, ForceArea? force = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var who = signIn.Read(request);
        return StaffPolicy.Decide(who, action, force) switch
        {
            StaffAccess.Allowed => new StaffCheck(who, null),
            StaffAccess.SignInRequired => new StaffCheck(null, HttpResults.Problem(StatusCodes.Status401Unauthorized, "Sign in to do this.")),
            _ => new StaffCheck(who, Forbidden()),
        };
    }

    /// <summary>The 403 answer: no detail of the case, nothing changed.</summary>
    public static BodyResult Forbidden() =>
        HttpResults.Problem(StatusCodes.Status403Forbidden, "Your account does not have the role this needs for this force.");

    /// <summary>
    /// <c>/.auth/login/aad?post_login_redirect_uri=&lt;this path&gt;</c>: back here once signed in. The path's
    /// slashes stay as they are, as the contract writes it (§5, §9; a slash needs no escaping in a query);
    /// anything else that could end the parameter (<c>?</c>, <c>&amp;</c>, <c>=</c>, <c>#</c>, <c>+</c>, <c>%</c>) is escaped.
    /// </summary>
    public static string SignInUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var back = request.PathBase.Add(request.Path).Value + request.QueryString.Value;
        return SignInPath + "?post_login_redirect_uri=" + Uri.EscapeDataString(back).Replace("%2F", "/", StringComparison.Ordinal);
    }

    private Uri PublicBase => urls.Value.PublicBaseUrl;
}

/// <summary>Who is signed in and, when they may not go on, the answer to give.</summary>
public readonly record struct StaffCheck(StaffMember? Who, IActionResult? Refusal);
