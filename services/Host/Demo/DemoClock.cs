namespace Newcomers.Host.Demo;

/// <summary>
/// The services' clock in a host that seeds the demo region: the system clock plus an offset. The
/// seeder moves the offset back while it lives the region's past year (<see cref="DemoHistory"/>),
/// so every record is stamped by the product itself at the time it happened, and sets it to zero
/// when done: from then on the clock is the system clock exactly. Tokens and cookies are checked
/// against the system clock throughout (<see cref="DemoExtensions"/>).
/// </summary>
public sealed class DemoClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>From now on the clock reads <paramref name="time"/>, and runs on from there.</summary>
    public void Set(DateTimeOffset time) => Interlocked.Exchange(ref offsetTicks, Math.Min(0, (time - System.GetUtcNow()).Ticks));

    /// <summary>Back to the system clock, exactly.</summary>
    public void Release() => Interlocked.Exchange(ref offsetTicks, 0);
}
