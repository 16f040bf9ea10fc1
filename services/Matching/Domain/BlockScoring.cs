namespace Newcomers.Matching.Domain;

/// <summary>Which spots of a <see cref="SpotBlock"/> are worth scoring for a newcomer, once checked and counted.</summary>
public enum BlockScoring
{
    /// <summary>None: even the block's best cannot enter the top list.</summary>
    None,

    /// <summary>Only those sharing a skill, language or interest signature bit with the newcomer: the rest cannot enter.</summary>
    SharingOnly,

    /// <summary>Every eligible spot, each against its own bound.</summary>
    Every,
}
