namespace Sexting.TestSupport.Processes;

/// <summary>
/// An xunit fixture (class or collection) around an <see cref="AzuriteProcess"/> of its own: in
/// memory on free ports unless a subclass passes other options. Started before the first test,
/// stopped by its PID after the last.
/// </summary>
public class AzuriteProcessFixture : IAsyncLifetime
{
    private readonly AzuriteOptions _options;

    /// <summary>In memory, on three free ports.</summary>
    public AzuriteProcessFixture()
        : this(new AzuriteOptions())
    {
    }

    /// <summary>With <paramref name="options"/> (fixed ports, on disk).</summary>
    protected AzuriteProcessFixture(AzuriteOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        Azurite = new AzuriteProcess(_options);
    }

    /// <summary>The Azurite process.</summary>
    public AzuriteProcess Azurite { get; }

    /// <summary>Its connection string.</summary>
    public string ConnectionString => Azurite.ConnectionString;

    /// <inheritdoc />
    public Task InitializeAsync() => Azurite.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await Azurite.DisposeAsync().ConfigureAwait(false);
}
