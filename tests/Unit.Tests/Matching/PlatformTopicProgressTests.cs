using Newcomers.Contracts.V1;
using Newcomers.Matching.PlatformTopics;
using Newcomers.Matching.Storage.Formats;

namespace Newcomers.Unit.Tests.Matching;

public sealed class PlatformTopicProgressTests
{
    [Fact]
    public void Each_event_names_the_one_before_it_on_its_own_topic_and_the_first_names_none()
    {
        var position = new PlatformTopicPosition();
        var first = PlatformTopicProgress.Change(position, "p1", 3, new Match { Id = "m1" }, "c3");
        PlatformTopicProgress.Passed(position, 3, "p1");
        PlatformTopicProgress.Passed(position, 4, null);
        var other = PlatformTopicProgress.Change(position, "p2", 5, new Match { Id = "m2" }, "c5");
        PlatformTopicProgress.Passed(position, 5, "p2");
        var second = PlatformTopicProgress.Change(position, "p1", 6, new Match { Id = "m3" }, "c6");

        Assert.Equal((3L, 0L, "p1", "m1", "c3"), (first.Sequence, first.PreviousSequence, first.PlatformId, first.Match.Id, first.Cursor));
        Assert.Equal((5L, 0L), (other.Sequence, other.PreviousSequence));
        Assert.Equal((6L, 3L), (second.Sequence, second.PreviousSequence));
        Assert.Equal(5, position.PublishedUpTo);
    }

    [Fact]
    public void The_same_position_gives_the_same_event_again_as_after_a_crash_before_it_was_stored()
    {
        var position = new PlatformTopicPosition { PublishedUpTo = 8, LastByPlatform = { ["p1"] = 7 } };
        var stored = position.Clone();

        var once = PlatformTopicProgress.Change(position, "p1", 9, new Match { Id = "m", Version = 2 }, "c");
        var again = PlatformTopicProgress.Change(stored, "p1", 9, new Match { Id = "m", Version = 2 }, "c");

        Assert.Equal(once, again);
    }

    [Fact]
    public void Falling_further_behind_than_the_log_keeps_marks_the_next_event_of_every_topic_as_after_a_loss()
    {
        var position = new PlatformTopicPosition { PublishedUpTo = 10, LastByPlatform = { ["p1"] = 10, ["p2"] = 4 } };
        PlatformTopicProgress.NoteTrimmed(position, last: 110, kept: 100);
        Assert.Equal((0L, 10L, 4L), (position.LostUpTo, PlatformTopicProgress.PreviousOn(position, "p1"), PlatformTopicProgress.PreviousOn(position, "p2")));

        PlatformTopicProgress.NoteTrimmed(position, last: 111, kept: 100);
        Assert.Equal((11L, -1L, -1L, -1L), (position.LostUpTo, PlatformTopicProgress.PreviousOn(position, "p1"),
            PlatformTopicProgress.PreviousOn(position, "p2"), PlatformTopicProgress.PreviousOn(position, "new")));

        PlatformTopicProgress.Passed(position, 12, "p1");
        Assert.Equal((12L, -1L), (PlatformTopicProgress.PreviousOn(position, "p1"), PlatformTopicProgress.PreviousOn(position, "p2")));
    }

    [Fact]
    public void Only_the_holder_of_an_unlapsed_lease_publishes()
    {
        var position = new PlatformTopicPosition();
        Assert.True(PlatformTopicProgress.MayPublish(position, "a", nowMs: 1000));
        PlatformTopicProgress.Hold(position, "a", untilMs: 2000);

        Assert.True(PlatformTopicProgress.MayPublish(position, "a", nowMs: 1500));
        Assert.False(PlatformTopicProgress.MayPublish(position, "b", nowMs: 1500));
        Assert.True(PlatformTopicProgress.MayPublish(position, "b", nowMs: 2001));
    }
}
