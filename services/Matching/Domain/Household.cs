namespace Newcomers.Matching.Domain;

/// <summary>
/// One household as the read model counts it: how many of its members it holds, and how many of
/// them want a buddy. Shared by the entries of its members (as <see cref="PlaceCounter"/> is by the
/// versions of an opportunity), so a family buddy's check reads the unit's size without a lookup.
/// Counted by the read model only, under its write lock; read by anyone.
/// </summary>
public sealed class Household(string id)
{
    private int members, wantingBuddy;

    public string Id => id;

    /// <summary>The members the read model holds.</summary>
    public int Members => Volatile.Read(ref members);

    /// <summary>The members who want a buddy (<see cref="NewcomerEntry.WantsBuddy"/>).</summary>
    public int WantingBuddy => Volatile.Read(ref wantingBuddy);

    /// <summary>Counts a member in (+1) or out (-1), as the entry says.</summary>
    public void Count(NewcomerEntry member, int sign)
    {
        Interlocked.Add(ref members, sign);
        if (member.WantsBuddy) Interlocked.Add(ref wantingBuddy, sign);
    }
}
