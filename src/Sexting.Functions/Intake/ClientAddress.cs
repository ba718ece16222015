using System.Net;
using Microsoft.AspNetCore.Http;

namespace Sexting.Functions.Intake;

/// <summary>
/// The client address a request is counted against (contract §11). On App Service (and Flex
/// Consumption) the front end sets <c>CLIENT-IP</c> (<c>address:port</c>) to the address it accepted
/// the connection from, overwriting any copy the client sent; the worker itself only sees the
/// Functions host's loopback connection. Off the platform (the local host) no header is believed:
/// anyone can send one, so the connection's own address counts.
/// </summary>
public sealed class ClientAddress(bool trustPlatformHeader)
{
    /// <summary>The header App Service's front end sets and overwrites.</summary>
    public const string PlatformHeader = "CLIENT-IP";

    /// <summary>Whether this process runs on App Service (the platform sets <c>WEBSITE_SITE_NAME</c>).</summary>
    public static bool OnAppService => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_SITE_NAME"));

    /// <summary>
    /// What the intake's rate limit counts a request against (contract §11): an IPv4 address whole, an IPv6
    /// address by its /64. One subscriber, home or school is given a whole /64 and can send from any of its
    /// 2^64 addresses, so counting each IPv6 address alone would let one client make a new one per request.
    /// </summary>
    public string CountedAs(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var address = Address(request);
        return address is null ? "unknown" : CountedAs(address);
    }

    /// <summary>The key of <see cref="CountedAs(HttpRequest)"/> for one address: <c>2001:db8:1:2::/64</c> for IPv6.</summary>
    public static string CountedAs(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }

    /// <summary>An address from <c>1.2.3.4</c>, <c>1.2.3.4:5678</c>, <c>[::1]:5678</c> or <c>::1</c>; null otherwise.</summary>
    public static IPAddress? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Split(',')[0].Trim();
        if (IPEndPoint.TryParse(text, out var endpoint))
        {
            return endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address;
        }

        return IPAddress.TryParse(text, out var address) ? address : null;
    }

    /// <summary>The client's address; null when there is none.</summary>
    private IPAddress? Address(HttpRequest request)
    {
        if (trustPlatformHeader && Parse(request.Headers[PlatformHeader].ToString()) is { } platform)
        {
            return platform;
        }

        return request.HttpContext.Connection.RemoteIpAddress is { } remote
            ? (remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)
            : null;
    }
}
