using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace Newcomers.Opportunities.JobPostings;

/// <summary>The proto names of an enum's values ("CEFR_LEVEL_B1"), as JSON transcoding writes them; the unspecified value has none.</summary>
public static class ProtoNames
{
    private static readonly ConcurrentDictionary<Type, Dictionary<int, string>> Cache = new();

    private static Dictionary<int, string> Names(Type type) => Cache.GetOrAdd(type, t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => Convert.ToInt32(f.GetValue(null), System.Globalization.CultureInfo.InvariantCulture) != 0)
        .ToDictionary(f => Convert.ToInt32(f.GetValue(null), System.Globalization.CultureInfo.InvariantCulture), f => f.GetCustomAttribute<OriginalNameAttribute>()!.Name));

    /// <summary>The value's proto name.</summary>
    public static string Of<T>(T value) where T : struct, Enum => Names(typeof(T))[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>The value of a proto name; false for unknown names and for the unspecified value.</summary>
    public static bool TryParse<T>(string name, out T value) where T : struct, Enum
    {
        var found = Names(typeof(T)).FirstOrDefault(n => n.Value == name);
        value = found.Value is null ? default : (T)Enum.ToObject(typeof(T), found.Key);
        return found.Value is not null;
    }

    /// <summary>The first two names, for error descriptions.</summary>
    public static string Example<T>() where T : struct, Enum => string.Join(", ", Names(typeof(T)).Values.Take(2)) + ", …";
}
