namespace Newcomers.Matching.Domain;

/// <summary>Names of the languages newcomers and buddies most often speak, in Dutch and English, by ISO 639 code.</summary>
public static class Languages
{
    private static readonly Dictionary<string, (string Dutch, string English)> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ar"] = ("Arabisch", "Arabic"), ["ti"] = ("Tigrinya", "Tigrinya"), ["fa"] = ("Perzisch", "Persian"),
        ["prs"] = ("Dari", "Dari"), ["ps"] = ("Pasjtoe", "Pashto"), ["ku"] = ("Koerdisch", "Kurdish"),
        ["tr"] = ("Turks", "Turkish"), ["so"] = ("Somalisch", "Somali"), ["am"] = ("Amhaars", "Amharic"),
        ["uk"] = ("Oekraïens", "Ukrainian"), ["ru"] = ("Russisch", "Russian"), ["en"] = ("Engels", "English"),
        ["fr"] = ("Frans", "French"), ["de"] = ("Duits", "German"), ["es"] = ("Spaans", "Spanish"),
        ["pl"] = ("Pools", "Polish"), ["ur"] = ("Urdu", "Urdu"), ["hi"] = ("Hindi", "Hindi"),
        ["sw"] = ("Swahili", "Swahili"), ["ber"] = ("Berbers", "Berber"), ["hy"] = ("Armeens", "Armenian"),
        ["sq"] = ("Albanees", "Albanian"), ["bs"] = ("Bosnisch", "Bosnian"), ["ne"] = ("Nepalees", "Nepali"),
    };

    public static string Dutch(string code) => Names.TryGetValue(code, out var name) ? name.Dutch : code;
    public static string English(string code) => Names.TryGetValue(code, out var name) ? name.English : code;
}
