using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Sexting.TestSupport;

/// <summary>
/// A child process started by a test (Azurite, the local host): its output kept for failure
/// messages, stopped by its PID (SIGTERM, then the whole process tree is killed).
/// </summary>
public sealed class ProcessRunner : IAsyncDisposable
{
    private const int MaxOutputLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private ProcessRunner(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>A short name for messages.</summary>
    public string Name { get; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Waits for the process to exit by itself.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>The last lines the process wrote (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/>; environment entries set to null are removed.</summary>
    public static ProcessRunner Start(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Path,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var runner = new ProcessRunner(name ?? Path.GetFileName(fileName), process);
        process.OutputDataReceived += (_, e) => runner.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => runner.Keep(e.Data);
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException("Could not start " + fileName);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return runner;
    }

    /// <summary>
    /// Asks the process to stop (SIGTERM, or <paramref name="signal"/>: <c>"INT"</c> for a process that
    /// handles only that) and waits up to <paramref name="grace"/>; then kills it and every child it started.
    /// </summary>
    public async Task StopAsync(TimeSpan grace, string signal = "TERM")
    {
        if (_process.HasExited)
        {
            return;
        }

        if (!OperatingSystem.IsWindows())
        {
            using var term = Process.Start(new ProcessStartInfo("kill", ["-" + signal, Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            if (term is not null)
            {
                await term.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        using var wait = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > MaxOutputLines)
            {
                _output.Dequeue();
            }
        }
    }
}
