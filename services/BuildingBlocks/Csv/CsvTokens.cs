namespace Newcomers.BuildingBlocks.Csv;

/// <summary>
/// The Dutch words a CSV file uses for the values of one enum ("ma-ochtend", "B1", "fiets"), both
/// ways; read ignoring case. The zero value (unspecified) is the empty cell.
/// </summary>
public sealed class CsvTokens<TEnum> where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> words;
    private readonly Dictionary<string, TEnum> values;

    public CsvTokens(IReadOnlyDictionary<TEnum, string> words)
    {
        this.words = new(words);
        values = words.ToDictionary(w => w.Value, w => w.Key, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every word, in the order of the enum, for docs and messages.</summary>
    public IEnumerable<string> Words => words.OrderBy(w => w.Key).Select(w => w.Value);

    public string Write(TEnum value) => words.GetValueOrDefault(value, "");

    /// <summary>The value of the word; false for a word the enum has none for. An empty cell is the zero value.</summary>
    public bool TryRead(string word, out TEnum value)
    {
        value = default;
        return word.Length == 0 || values.TryGetValue(word, out value);
    }
}
