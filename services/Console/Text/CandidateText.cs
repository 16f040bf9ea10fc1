namespace Newcomers.Console.Text;

/// <summary>How a provider sees a newcomer before sharing is allowed: by pseudonym only.</summary>
public static class CandidateText
{
    public static string Of(string newcomerId) =>
        newcomerId.StartsWith("cand-", StringComparison.Ordinal) ? $"kandidaat {newcomerId}" : "gedeeld: naam na acceptatie door beide kanten";
}
