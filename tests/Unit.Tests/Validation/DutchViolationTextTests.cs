using Newcomers.BuildingBlocks.Validation;

namespace Newcomers.Unit.Tests.Validation;

/// <summary>The Dutch sentences of the reason codes, shared by the console's forms and the CSV import.</summary>
public sealed class DutchViolationTextTests
{
    [Fact]
    public void Every_reason_code_has_a_Dutch_sentence_of_its_own()
    {
        var sentences = ViolationReasons.All.Select(reason => DutchViolationText.For("x", reason, "english")).ToList();
        Assert.DoesNotContain("english", sentences);
        Assert.Equal(sentences.Count, sentences.Distinct().Count());
        Assert.All(sentences, s => Assert.EndsWith(".", s, StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_whose_rule_says_more_has_its_own_sentence() =>
        Assert.StartsWith("Gebruik voor het huishouden", DutchViolationText.For("newcomer.household_id", ViolationReasons.InvalidId, ""), StringComparison.Ordinal);
}
