namespace Newcomers.Matching.Domain;

/// <summary>Places taken at an opportunity (accepted plus started matches), shared by every version of its entry.</summary>
public sealed class PlaceCounter
{
    private int taken;
    public int Taken => Volatile.Read(ref taken);
    public void Add(int delta) => Interlocked.Add(ref taken, delta);
}
