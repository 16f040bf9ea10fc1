using System.Globalization;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;

namespace Newcomers.Matching.Api;

/// <summary>
/// The cursors of WatchMatches: a sequence of the match change log, sealed like a page token. A
/// cursor a watch gives is bound to its caller (role, subject) and to the watch (platform,
/// provider_id). A cursor on a platform's pub/sub topic is bound to the platform instead, so any
/// token of that platform may resume a watch without provider_id from it.
/// </summary>
public sealed class WatchCursors(Pages pages)
{
    /// <summary>The sequence after which the watch resumes, or null to start from now; false for a cursor this caller may not use for this watch.</summary>
    public bool TryRead(string cursor, Caller caller, string providerId, out long? after)
    {
        after = null;
        var readable = pages.TryRead(cursor, caller, Scope(caller, providerId), out var sequence)
            || caller.Role == Roles.Platform && caller.Platform.Length > 0 && providerId.Length == 0
                && pages.TryRead(cursor, Platform(caller.Platform), Scope(caller, ""), out sequence);
        if (!readable) return false;
        if (sequence is null) return true;
        if (!long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) return false;
        after = parsed;
        return true;
    }

    /// <summary>The cursor after this change for the caller's watch.</summary>
    public string After(Caller caller, string providerId, long sequence) =>
        pages.Next(caller, Scope(caller, providerId), sequence.ToString(CultureInfo.InvariantCulture));

    /// <summary>The cursor after this change for every token of the platform (a watch without provider_id).</summary>
    public string ForPlatform(string platformId, long sequence) => After(Platform(platformId), "", sequence);

    private static string Scope(Caller caller, string providerId) => $"watch-matches\n{caller.Platform}\n{providerId}";

    // No token names an empty subject (Caller.Defect), so no caller's own cursor is ever bound like this.
    private static Caller Platform(string platformId) => new("", Roles.Platform, new HashSet<string>(), new HashSet<string>(), platformId);
}
