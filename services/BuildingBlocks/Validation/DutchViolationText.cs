namespace Newcomers.BuildingBlocks.Validation;

/// <summary>
/// The one home of the Dutch sentence for each reason code (and for the few fields whose rule says
/// more than their code): the console shows it beside a form's field, the CSV import gives it per
/// bad row.
/// </summary>
public static class DutchViolationText
{
    public static string For(string field, string reason, string description) => ForField(field, reason) ?? reason switch
    {
        ViolationReasons.Required => "Vul dit in.",
        ViolationReasons.TooLong => "Dit is te lang.",
        ViolationReasons.TooMany => "Dit zijn er te veel.",
        ViolationReasons.OutOfRange => "Dit getal is te groot of te klein.",
        ViolationReasons.InvalidId => "Gebruik alleen letters, cijfers, - of _ (hoogstens 64 tekens).",
        ViolationReasons.InvalidMunicipalityCode => "Vul een gemeentecode in, zoals GM0342.",
        ViolationReasons.InvalidPostcode => "Vul de vier cijfers van een postcode in, zoals 3762.",
        ViolationReasons.InvalidIscoCode => "Vul een beroepscode (ISCO-08) van vier cijfers in, zoals 7512.",
        ViolationReasons.InvalidLanguageCode => "Vul een taalcode in kleine letters in, zoals ar of prs.",
        ViolationReasons.InvalidChoice => "Kies een van de mogelijkheden.",
        ViolationReasons.InvalidDate => "Vul een geldige datum in.",
        ViolationReasons.DateOrder => "De einddatum ligt voor de begindatum.",
        ViolationReasons.Duplicate => "Dit staat er al.",
        ViolationReasons.InvalidCountryCode => "Vul een landcode van twee letters in, zoals SY.",
        ViolationReasons.InvalidLocation => "Deze plaats is niet bekend.",
        ViolationReasons.UnknownPostcode => "Deze postcode staat niet in de postcodetabel.",
        ViolationReasons.UnknownProvider => "Deze aanbieder bestaat niet. Gebruik het id van een aanbieder, zoals in de export.",
        ViolationReasons.NotChangeable => "Dit gegeven kan niet gewijzigd worden.",
        ViolationReasons.VersionRequired => "Laad de gegevens opnieuw en probeer het nog eens.",
        ViolationReasons.ConflictingFields => "Kies één van beide, niet allebei.",
        ViolationReasons.InvalidPageToken => "Deze pagina is niet meer geldig. Begin opnieuw bij de eerste pagina.",
        ViolationReasons.InvalidCursor => "Dit volgpunt is niet (meer) geldig. Volg opnieuw zonder volgpunt, na een ListMatches.",
        ViolationReasons.NotAllowed => "Dit mag hier niet.",
        _ => description,
    };

    /// <summary>Fields whose rule says more than their reason code: a buddy's places, wishes that need another field, a household's code, a reason from the list.</summary>
    private static string? ForField(string field, string reason) => (field, reason) switch
    {
        ("opportunity.capacity", ViolationReasons.OutOfRange) => "Vul 1 tot 1000 plekken in. Een taalmaatje neemt 1 tot 3 nieuwkomers.",
        ("opportunity.buddy.families_only", ViolationReasons.NotAllowed) => "Dit kan alleen voor een gezinsmaatje. Kies dan ook 'Wil ook gezinsmaatje zijn'.",
        ("opportunity.buddy.languages", ViolationReasons.Required) => "Vul de talen van het taalmaatje in. Die zijn nodig voor 'Alleen als we een taal delen'.",
        ("opportunity.external_id", ViolationReasons.InvalidId) => "Gebruik voor het externe id 1 tot 128 letters, cijfers, -, _, ., : of /.",
        ("opportunity.buddy", ViolationReasons.NotAllowed) => "Vul de kolommen van het taalmaatje alleen in bij soort taalmaatje.",
        ("reason_code", ViolationReasons.Required) => "Kies een reden uit de lijst.",
        ("reason_code", ViolationReasons.InvalidChoice) => "Kies een reden uit de lijst.",
        ("newcomer.inburgering_start", ViolationReasons.OutOfRange) => "Kies een datum vanaf 1 januari 2013 en hoogstens 90 dagen vooruit.",
        ("newcomer.household_id", ViolationReasons.InvalidId) => "Gebruik voor het huishouden alleen letters, cijfers, - of _, zoals fam-amina-k (hoogstens 64 tekens).",
        _ => null,
    };
}
