using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Unit.Tests.Matching;

/// <summary>The single changes PIP guidance tries, and the newcomer each leaves.</summary>
public sealed class ProfileChangeTests
{
    [Fact]
    public void A_newcomer_with_A2_10_km_two_mornings_and_16_hours_gets_every_single_change_once()
    {
        var n = NewcomerEntry.From(Sample.Newcomer(), new Vocabulary());
        var tried = ProfileChanges.Tried(n);
        Assert.Equal([Cefr.Step(CefrLevel.B1), Cefr.Step(CefrLevel.B2)], tried.Where(c => c.Kind == PipChangeKind.DutchLevel).Select(c => c.Changed.Dutch));
        Assert.Equal([15.0, 20.0], tried.Where(c => c.Kind == PipChangeKind.TravelDistance).Select(c => c.Changed.MaxKm));
        Assert.Equal(19, tried.Count(c => c.Kind == PipChangeKind.DayPart));
        Assert.DoesNotContain(tried, c => c.Kind == PipChangeKind.DayPart && (n.WeekMask & c.PartBit) != 0);
        Assert.Equal([20, 24], tried.Where(c => c.Kind == PipChangeKind.Hours).Select(c => c.Changed.Hours));
        Assert.All(tried, c => Assert.Equal(n.Id, c.Changed.Id));
        Assert.Equal(20.0, ProfileChanges.WidestKm(n, tried));
    }

    [Fact]
    public void A_skill_added_is_in_the_signature_and_the_common_skills()
    {
        var vocabulary = new Vocabulary();
        var n = NewcomerEntry.From(Sample.Newcomer(), vocabulary);
        var forklift = vocabulary.Intern(["heftruck"])[0];
        var changed = n.WithSkill(forklift, "heftruck");
        Assert.Contains(forklift, changed.Skills);
        Assert.Equal(changed.Skills.Order(), changed.Skills);
        Assert.NotEqual(0UL, changed.SkillSignature & Vocabulary.Signature([forklift]));
        Assert.Equal(n.CommonSkills | CommonSkills.Mask(["heftruck"]), changed.CommonSkills);
        Assert.Equal(n.CaseworkerId, changed.CaseworkerId);
    }

    [Theory]
    [InlineData(DayPart.TuesdayAfternoon, "dinsdagmiddag", "Tuesday afternoon")]
    [InlineData(DayPart.MondayMorning, "maandagochtend", "Monday morning")]
    [InlineData(DayPart.SundayEvening, "zondagavond", "Sunday evening")]
    public void A_part_of_the_week_reads_as_one_word_in_Dutch(DayPart part, string dutch, string english) =>
        Assert.Equal((dutch, english), GuidanceWriter.Part(part));
}
