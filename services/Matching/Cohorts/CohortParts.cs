using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Cohorts;

/// <summary>
/// An assignment in parts to merge in order, so that no message of the stream comes near gRPC's
/// 4 MB (a pair with its reasons is about half a kilobyte): the first part has every figure, and
/// each part at most <see cref="Size"/> pairs and newcomers left out.
/// </summary>
public static class CohortParts
{
    public const int Size = 1000;

    public static IEnumerable<CohortAssignment> Of(CohortAssignment assignment, int size = Size)
    {
        var parts = Math.Max(1, (Math.Max(assignment.Pairs.Count, assignment.LeftOut.Count) + size - 1) / size);
        for (var i = 0; i < parts; i++)
        {
            var part = i == 0 ? assignment.Clone() : new CohortAssignment();
            part.Pairs.Clear();
            part.LeftOut.Clear();
            part.Pairs.Add(assignment.Pairs.Skip(i * size).Take(size));
            part.LeftOut.Add(assignment.LeftOut.Skip(i * size).Take(size));
            yield return part;
        }
    }
}
