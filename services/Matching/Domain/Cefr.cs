using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>CEFR levels as steps: A0 = 0 up to C2 = 6.</summary>
public static class Cefr
{
    private static readonly string[] Names = ["A0", "A1", "A2", "B1", "B2", "C1", "C2"];
    public static int Step(CefrLevel level) => Math.Max(0, (int)level - 1);
    public static string Name(int step) => Names[Math.Clamp(step, 0, Names.Length - 1)];
}
