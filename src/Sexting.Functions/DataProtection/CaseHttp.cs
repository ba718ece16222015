using Microsoft.AspNetCore.Http;
using Sexting.Functions.Common;

namespace Sexting.Functions.DataProtection;

/// <summary>What the routes that answer a case's personal data share: the 404 and no caching.</summary>
public static class CaseHttp
{
    /// <summary>Personal data must not sit in a cache.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoStore = new Dictionary<string, string> { ["Cache-Control"] = "no-store" };

    public static BodyResult NotFound() => HttpResults.Problem(StatusCodes.Status404NotFound, "No such case.");
}
