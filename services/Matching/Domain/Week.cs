using System.Numerics;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>Parts of the week as bits: bit (day part - 1).</summary>
public static class Week
{
    public static uint Mask(IEnumerable<DayPart> parts) => parts.Aggregate(0u, (mask, part) => mask | 1u << ((int)part - 1));
    public static int Count(uint mask) => BitOperations.PopCount(mask);
}
