using Google.Protobuf.WellKnownTypes;

namespace Newcomers.BuildingBlocks.Api;

/// <summary>Time stamps of resources, from the registered <see cref="TimeProvider"/> (tests may set it).</summary>
public static class Clock
{
    public static Timestamp Now(this TimeProvider clock) => Timestamp.FromDateTimeOffset(clock.GetUtcNow());
}
