using System.Text;

namespace Newcomers.BuildingBlocks.Storage;

/// <summary>Opaque page tokens: the id after which the next page starts.</summary>
public static class PageToken
{
    public static string Encode(string afterId) => Convert.ToBase64String(Encoding.UTF8.GetBytes("after:" + afterId));

    /// <summary>Null for an empty token; false if the token was not made by <see cref="Encode"/>.</summary>
    public static bool TryDecode(string token, out string? afterId)
    {
        afterId = null;
        if (string.IsNullOrEmpty(token)) return true;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (!text.StartsWith("after:", StringComparison.Ordinal) || text.Length == 6) return false;
            afterId = text[6..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
