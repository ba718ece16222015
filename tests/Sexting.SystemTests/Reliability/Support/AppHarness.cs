using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sexting.Functions;
using Sexting.TestSupport;

namespace Sexting.SystemTests.Reliability.Support;

/// <summary>
/// The app's real services (AddSexting: parser, intake, Table Storage store on Azurite with a table
/// prefix of its own, outbox email in a temp directory) behind its HTTP function classes, called
/// with a <see cref="DefaultHttpContext"/>. Only the durable client is a substitute: it records
/// whether any orchestration was started or any event raised.
/// </summary>
public sealed class AppHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly TableServiceClient _raw;

    public AppHarness(AzuriteFixture azurite, int permitsPerMinute = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        Prefix = AzuriteFixture.NewTablePrefix();
        OutboxPath = Directory.CreateTempSubdirectory("sexting-outbox-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tables:ConnectionString"] = azurite.ConnectionString,
            ["Tables:TablePrefix"] = Prefix,
            ["Email:Mode"] = "Outbox",
            ["Email:OutboxPath"] = OutboxPath,
            // The signed-in person comes from the principal header, as behind the local host's sign-in.
            ["Auth:Mode"] = "Emulator",
            // Requests here have no client address: all share one partition of the intake limit.
            ["Intake:PermitsPerMinute"] = permitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSexting(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _raw = new TableServiceClient(azurite.ConnectionString);
    }

    public string Prefix { get; }

    public string OutboxPath { get; }

    public FakeTimeProvider Clock { get; } = new(Now);

    public CapturedLogs Logs { get; } = new();

    public DurableTaskClient Client { get; } = Substitute.For<DurableTaskClient>("reliability");

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A function class built as the hosts build it (constructor injection).</summary>
    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    /// <summary>
    /// Every request is made by a manager and youth officer of both forces, signed in (contract §9), in
    /// the platform's own header format: the hostile inputs here are about links and forms, not roles.
    /// </summary>
    public static readonly string StaffPrincipal = Convert.ToBase64String(Encoding.UTF8.GetBytes(
        """{"auth_typ":"aad","claims":[{"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"reliability-staff"},""" +
        """{"typ":"name","val":"A Manager"},{"typ":"preferred_username","val":"a.manager@police.example"},""" +
        """{"typ":"roles","val":"AuthorisingManager"},{"typ":"roles","val":"YouthOfficer"},""" +
        """{"typ":"roles","val":"Force.DevonAndCornwall"},{"typ":"roles","val":"Force.Dorset"}],"name_typ":"name","role_typ":"roles"}"""));

    public static HttpRequest Request(string method, string? contentType, byte[] body, long? contentLength = -1, string? accept = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = contentLength == -1 ? body.Length : contentLength;
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = StaffPrincipal;
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        return context.Request;
    }

    public static HttpRequest Form(string? accept, params (string Name, string Value)[] fields) =>
        Request("POST", "application/x-www-form-urlencoded",
            Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)))),
            accept: accept);

    /// <summary>Runs the function's result against the request's context, as the hosts do.</summary>
    public static async Task<Answer> ExecuteAsync(IActionResult result, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var context = request.HttpContext;
        var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return new Answer(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers, Encoding.UTF8.GetString(body.ToArray()));
    }

    /// <summary>Every entity in every table of this harness: what the requests stored.</summary>
    public async Task<int> CountStoredAsync()
    {
        var count = 0;
        var mine = TableServiceClient.CreateQueryFilter($"TableName ge {Prefix} and TableName lt {Prefix + "~"}");
        await foreach (var table in _raw.QueryAsync(mine))
        {
            await foreach (var _ in _raw.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Every entity of every table of this harness with its ETag: equal snapshots mean nothing changed.</summary>
    public async Task<string> SnapshotAsync(bool withAudit = false)
    {
        var rows = new List<string>();
        var mine = TableServiceClient.CreateQueryFilter($"TableName ge {Prefix} and TableName lt {Prefix + "~"}");
        await foreach (var table in _raw.QueryAsync(mine))
        {
            // A person's reads are audited (contract §9): the audit grows where nothing else may.
            if (!withAudit && table.Name == Prefix + "Audit")
            {
                continue;
            }

            await foreach (var row in _raw.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add($"{table.Name}|{row.PartitionKey}|{row.RowKey}|{row.ETag}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return string.Join('\n', rows);
    }

    /// <summary>Orchestrations started and events raised through the durable client.</summary>
    public int DurableCalls =>
        Client.ReceivedCalls().Count(c => c.GetMethodInfo().Name is nameof(DurableTaskClient.ScheduleNewOrchestrationInstanceAsync) or nameof(DurableTaskClient.RaiseEventAsync));

    public int RaisedEvents => Client.ReceivedCalls().Count(c => c.GetMethodInfo().Name == nameof(DurableTaskClient.RaiseEventAsync));

    public int OutboxFiles => Directory.Exists(OutboxPath) ? Directory.GetFiles(OutboxPath).Length : 0;

    public async ValueTask DisposeAsync()
    {
        var mine = TableServiceClient.CreateQueryFilter($"TableName ge {Prefix} and TableName lt {Prefix + "~"}");
        await foreach (var table in _raw.QueryAsync(mine))
        {
            await _raw.DeleteTableAsync(table.Name);
        }

        await _services.DisposeAsync();
        Directory.Delete(OutboxPath, recursive: true);
    }

    public sealed record Answer(int Status, string? ContentType, IHeaderDictionary Headers, string Body);
}
