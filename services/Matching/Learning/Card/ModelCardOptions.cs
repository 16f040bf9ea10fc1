namespace Newcomers.Matching.Learning.Card;

/// <summary>
/// The deployment's own facts for the model card and its Algoritmeregister entry (section
/// "ModelCard"): who uses the ranking, where, and whom to ask. docs/configuration.md lists them.
/// </summary>
public sealed class ModelCardOptions
{
    public const string Section = "ModelCard";

    /// <summary>The name of this use of the algorithm in the register.</summary>
    public string Name { get; set; } = "Matching nieuwkomers: suggesties voor werkplekken, vrijwilligerswerk en taalmaatjes";

    /// <summary>The official name of the organisation responsible, such as "Gemeente Soest".</summary>
    public string Organization { get; set; } = "";

    /// <summary>The department, programme or team that uses it.</summary>
    public string Department { get; set; } = "";

    /// <summary>The official name of the area it is used in: a municipality or a region of municipalities.</summary>
    public string Area { get; set; } = "";

    /// <summary>The e-mail address for questions about this use of the algorithm.</summary>
    public string ContactEmail { get; set; } = "";

    /// <summary>The page about this use, on the organisation's site or in the register.</summary>
    public string Website { get; set; } = "";

    /// <summary>Who supervises it: by default the Dutch data protection authority.</summary>
    public string CompetentAuthority { get; set; } = "Autoriteit Persoonsgegevens";

    /// <summary>The impact assessments done (DPIA, IAMA), with their date or where they are published.</summary>
    public string ImpactAssessment { get; set; } = "";

    /// <summary>How a newcomer objects to a suggestion or to the processing.</summary>
    public string ObjectionProcedure { get; set; } = "";
}
