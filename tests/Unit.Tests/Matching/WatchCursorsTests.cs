using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Matching.Api;

namespace Newcomers.Unit.Tests.Matching;

public sealed class WatchCursorsTests
{
    private static readonly WatchCursors Cursors = new(new Pages(Options.Create(new AuthOptions { SigningKey = Convert.ToBase64String(new byte[32]) })));

    private static Caller Platform(string subject, string platform) => new(subject, Roles.Platform, new HashSet<string>(), new HashSet<string>(), platform);

    [Fact]
    public void A_watchs_cursor_serves_only_its_caller_and_its_provider_id()
    {
        var cursor = Cursors.After(Platform("app-1", "p1"), "", 41);

        Assert.True(Cursors.TryRead(cursor, Platform("app-1", "p1"), "", out var after));
        Assert.Equal(41, after);
        Assert.False(Cursors.TryRead(cursor, Platform("app-2", "p1"), "", out _));
        Assert.False(Cursors.TryRead(cursor, Platform("app-1", "p1"), "provider-1", out _));
    }

    [Fact]
    public void A_topics_cursor_serves_every_token_of_its_platform_watching_without_provider_id_and_nobody_else()
    {
        var cursor = Cursors.ForPlatform("p1", 42);

        foreach (var subject in new[] { "app-1", "app-2" })
        {
            Assert.True(Cursors.TryRead(cursor, Platform(subject, "p1"), "", out var after));
            Assert.Equal(42, after);
        }
        Assert.False(Cursors.TryRead(cursor, Platform("app-1", "p2"), "", out _));
        Assert.False(Cursors.TryRead(cursor, Platform("app-1", "p1"), "provider-1", out _));
        Assert.False(Cursors.TryRead(cursor, new Caller("app-1", Roles.Provider, new HashSet<string>(), new HashSet<string>(), "p1"), "", out _));
        Assert.False(Cursors.TryRead(cursor, new Caller("app-1", Roles.Admin, new HashSet<string>(), new HashSet<string>(), ""), "", out _));
    }

    [Fact]
    public void No_cursor_starts_from_now_and_a_changed_one_is_refused()
    {
        Assert.True(Cursors.TryRead("", Platform("app-1", "p1"), "", out var after));
        Assert.Null(after);
        var cursor = Cursors.ForPlatform("p1", 42);
        Assert.False(Cursors.TryRead(cursor[..^2] + (cursor[^2] == 'A' ? "BA" : "AA"), Platform("app-1", "p1"), "", out _));
    }
}
