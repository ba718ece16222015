using System.Globalization;

namespace Sexting.Bench;

/// <summary>How much the bench does. Defaults fit the ~10-minute budget on a 2-core machine; <c>--quick</c> is a smoke run.</summary>
internal sealed record BenchSettings
{
    public TimeSpan FloorWarmUp { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan FloorDuration { get; init; } = TimeSpan.FromSeconds(6);

    public TimeSpan IntakeWarmUp { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan IntakeDuration { get; init; } = TimeSpan.FromSeconds(12);

    public int[] Concurrency { get; init; } = [1, 8, 32];

    public int Journeys { get; init; } = 10;

    public TimeSpan IdleWindow { get; init; } = TimeSpan.FromSeconds(6);

    public int[] ScanSizes { get; init; } = [1_000, 10_000, 100_000];

    public string Output { get; init; } = Path.Combine("artifacts", "bench");

    public static BenchSettings Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new BenchSettings();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--quick" => settings with
                {
                    FloorDuration = TimeSpan.FromSeconds(2), IntakeDuration = TimeSpan.FromSeconds(3), IntakeWarmUp = TimeSpan.FromSeconds(1),
                    Journeys = 2, IdleWindow = TimeSpan.FromSeconds(3), ScanSizes = [1_000, 2_000],
                },
                "--intake-seconds" => settings with { IntakeDuration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--floor-seconds" => settings with { FloorDuration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--journeys" => settings with { Journeys = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--scan-sizes" => settings with { ScanSizes = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() },
                "--output" => settings with { Output = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}: use --quick, --intake-seconds N, --floor-seconds N, --journeys N, --scan-sizes a,b,c, --output DIR."),
            };
        }

        return settings;
    }
}
