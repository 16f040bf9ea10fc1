namespace Newcomers.Console.Monitoring;

/// <summary>
/// The geometry of a chart drawn as inline SVG: a plot area in a fixed viewBox (the SVG scales to
/// its column), months along the bottom and a value axis with round ticks from zero.
/// </summary>
public sealed class ChartScale
{
    public const double Width = 480, Height = 250, Left = 52, Right = 10, Top = 14, Bottom = 42;
    public const double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    public ChartScale(int months, double largest)
    {
        Months = Math.Max(months, 1);
        Step = NiceStep(Math.Max(largest / 4, 1));
        Max = Math.Ceiling(Math.Max(largest, 1) / Step) * Step;
    }

    public int Months { get; }
    public double Max { get; }
    public double Step { get; }

    public double Band => PlotWidth / Months;

    /// <summary>The middle of month <paramref name="i"/> along the bottom.</summary>
    public double X(int i) => Left + Band * (i + 0.5);

    public double Y(double value) => Top + PlotHeight * (1 - Math.Clamp(value / Max, 0, 1));

    public IEnumerable<double> Ticks()
    {
        for (var v = 0.0; v <= Max + Step / 2; v += Step) yield return v;
    }

    /// <summary>Every how many months a label fits (a label is about 44 units wide).</summary>
    public int LabelEvery => Math.Max(1, (int)Math.Ceiling(44 / Band));

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    private static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        return new[] { 1, 2, 5, 10 }.Select(f => f * power).First(s => s >= rough);
    }

    /// <summary>A number for an SVG attribute: invariant, two decimals at most.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
