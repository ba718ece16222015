using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute.ExceptionExtensions;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Core.Staff;
using Sexting.Functions.Staff;
using Sexting.Functions.Tests.Fakes;
using Sexting.Functions.Pages;
using Sexting.Infrastructure.Email;

namespace Sexting.Functions.Tests.Http;

/// <summary>HTTP functions built as the hosts build them (constructor injection) over in-memory fakes, called with a <see cref="DefaultHttpContext"/>.</summary>
public sealed class HttpHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public HttpHarness(ICaseStore? store = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        // The signed-in person comes from the principal header, as behind the local host's sign-in.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Mode"] = "Emulator", ["Api:FunctionKey"] = FunctionKey }).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSextingWorkflow(configuration);
        services.AddPages();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Store);
        services.AddSingleton(store ?? Store);
        services.AddSingleton(Links);
        services.AddSingleton<IDecisionLinkStore>(Links);
        services.AddSingleton<ILinkHistory>(Links);
        services.AddSingleton<IAuditLog>(Audit);
        services.AddSingleton<IEmailSender>(Emails);
        services.AddSingleton<IEmailComposer, TrivialEmailComposer>();
        services.AddSingleton<EmailIdempotencyKey>(); // the development key: no Tables:IndexKey set
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(Fakes.Referrals.Now);

    /// <summary>
    /// A harness whose case store answers every create with storage's 503, as during an outage, or with
    /// <paramref name="fault"/> (the managed identity's token failing, say).
    /// </summary>
    public static HttpHarness StorageDown(Exception? fault = null)
    {
        var store = Substitute.For<ICaseStore>();
        store.CreateAsync(Arg.Any<string>(), Arg.Any<Sexting.Core.Referrals.Referral>(), Arg.Any<DateTimeOffset>(), Arg.Any<ReporterConfirmation?>(), Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(fault ?? new Azure.RequestFailedException(503, "Service unavailable"));
        return new HttpHarness(store);
    }

    public InMemoryCaseStore Store { get; } = new();

    public InMemoryLinkStore Links { get; } = new();

    public InMemoryAuditLog Audit { get; } = new();

    public RecordingEmailSender Emails { get; } = new();

    public DurableTaskClient Client { get; } = Substitute.For<DurableTaskClient>("test");

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    /// <summary>The referral's orchestration answers as running, of <paramref name="version"/>.</summary>
    public void Running(string referralId, int version = Functions.Workflow.WorkflowVersions.Current) =>
        Client.GetInstanceAsync(referralId, true, Arg.Any<CancellationToken>())
            .Returns(new OrchestrationMetadata("ReferralOrchestration", referralId)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Running,
                SerializedInput = "{\"referralId\":\"" + referralId + "\",\"version\":" + version + "}",
            });

    /// <summary>The first event raised fails as when the durable backend is unavailable; later ones arrive.</summary>
    public void FirstRaiseFails() =>
        Client.RaiseEventAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<object?>(), Arg.Any<CancellationToken>())
            .Returns(
                Task.FromException(new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "sidecar down"))),
                Task.CompletedTask);

    /// <summary>The event ids of every event raised to the referral, in order.</summary>
    public IReadOnlyList<(string Name, object? Event)> Raised(string referralId) =>
        [.. Client.ReceivedCalls()
            .Where(c => c.GetMethodInfo().Name == nameof(DurableTaskClient.RaiseEventAsync) && (string)c.GetArguments()[0]! == referralId)
            .Select(c => ((string)c.GetArguments()[1]!, c.GetArguments()[2]))];

    public static HttpRequest Request(string method, string? contentType = null, string? body = null, long? contentLength = -1, string? accept = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body ?? "");
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = contentLength == -1 ? bytes.Length : contentLength;
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>The function key machines read with here (contract §3, §8).</summary>
    public const string FunctionKey = "unit-test-function-key-not-a-secret";

    /// <summary>The request with the function key in its header, as a machine sends it.</summary>
    public static HttpRequest WithKey(HttpRequest request, string key = FunctionKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers[FunctionKeyCheck.HeaderName] = key;
        return request;
    }

    /// <summary>A member of staff with these roles (space-separated).</summary>
    public static StaffMember Staff(string roles, string name = "Pat Manager", string email = "pat.manager@dc.police.example") =>
        new("user-" + email, name, email, roles.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));

    /// <summary>The request as the platform passes it on for a signed-in person (none: signed out).</summary>
    public static HttpRequest As(HttpRequest request, StaffMember? who)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (who is not null)
        {
            request.Headers[ClientPrincipal.Header] = ClientPrincipal.Encode(who);
        }

        return request;
    }

    public static HttpRequest Form(params (string Name, string Value)[] fields) =>
        Request("POST", "application/x-www-form-urlencoded",
            string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value))));

    public static async Task<Response> ExecuteAsync(IActionResult result, HttpRequest request)
    {
        var context = request.HttpContext;
        var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return new Response(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers, Encoding.UTF8.GetString(body.ToArray()));
    }

    /// <summary>Creates a case (as intake would) and moves it to <paramref name="status"/>.</summary>
    public async Task<CaseRecord> CaseAsync(CaseStatus status = CaseStatus.AwaitingAuthorisation)
    {
        var id = ReferralIds.NewRandom();
        await Store.CreateAsync(id, Fakes.Referrals.Parse(Fakes.Referrals.Json(submissionId: null)), Fakes.Referrals.Now, default);
        Store.ForceStatus(id, status);
        return (await Store.GetAsync(id, default))!;
    }

    public void Dispose() => _services.Dispose();

    public sealed record Response(int Status, string? ContentType, IHeaderDictionary Headers, string Body);
}
