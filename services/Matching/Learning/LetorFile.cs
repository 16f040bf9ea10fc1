using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Newcomers.Matching.Learning;

/// <summary>
/// A learning-to-rank file in LETOR / SVMlight text ("label index:value ...") with a companion
/// ".query" file of group sizes, as LightGBM's examples ship them. Used to check the training
/// pipeline on data nobody here made.
/// </summary>
public static class LetorFile
{
    public static List<(float Label, uint Group, Dictionary<int, float> Values)> Read(string path)
    {
        var sizes = File.ReadLines(path + ".query").Where(l => l.Length > 0).Select(int.Parse).ToList();
        var rows = new List<(float, uint, Dictionary<int, float>)>();
        using var lines = File.ReadLines(path).GetEnumerator();
        for (var group = 0; group < sizes.Count; group++)
            for (var i = 0; i < sizes[group] && lines.MoveNext(); i++)
            {
                var parts = lines.Current.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var values = parts.Skip(1).Select(p => p.Split(':')).ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => float.Parse(p[1], CultureInfo.InvariantCulture));
                rows.Add((float.Parse(parts[0], CultureInfo.InvariantCulture), (uint)group, values));
            }
        return rows;
    }

    /// <summary>Rows as a data view with dense feature vectors of the given length; groups offset so files never share one.</summary>
    public static IDataView Load(MLContext ml, List<(float Label, uint Group, Dictionary<int, float> Values)> rows, int length, uint groupOffset)
    {
        var schema = SchemaDefinition.Create(typeof(RankingRow));
        schema[nameof(RankingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, length);
        var dense = rows.Select(r =>
        {
            var features = new float[length];
            foreach (var (index, value) in r.Values) if (index < length) features[index] = value;
            return new RankingRow { Label = r.Label, Group = r.Group + groupOffset, Features = features };
        });
        return ml.Data.LoadFromEnumerable(dense, schema);
    }
}
