using Google.Rpc;

namespace Newcomers.Console.Text;

/// <summary>A field violation of the API in Dutch, by its reason code.</summary>
public static class ViolationText
{
    public static string Dutch(BadRequest.Types.FieldViolation violation) => ForField(violation) ?? violation.Reason switch
    {
        "REQUIRED" => "Vul dit in.",
        "TOO_LONG" => "Dit is te lang.",
        "TOO_MANY" => "Dit zijn er te veel.",
        "OUT_OF_RANGE" => "Dit getal is te groot of te klein.",
        "INVALID_ID" => "Gebruik alleen letters, cijfers, - of _ (hoogstens 64 tekens).",
        "INVALID_MUNICIPALITY_CODE" => "Vul een gemeentecode in, zoals GM0342.",
        "INVALID_POSTCODE" => "Vul de vier cijfers van een postcode in, zoals 3762.",
        "INVALID_ISCO_CODE" => "Vul een beroepscode (ISCO-08) van vier cijfers in, zoals 7512.",
        "INVALID_LANGUAGE_CODE" => "Vul een taalcode in kleine letters in, zoals ar of prs.",
        "INVALID_CHOICE" => "Kies een van de mogelijkheden.",
        "INVALID_DATE" => "Vul een geldige datum in.",
        "DATE_ORDER" => "De einddatum ligt voor de begindatum.",
        "DUPLICATE" => "Dit staat er al.",
        "INVALID_COUNTRY_CODE" => "Vul een landcode van twee letters in, zoals SY.",
        "INVALID_LOCATION" => "Deze plaats is niet bekend.",
        "UNKNOWN_POSTCODE" => "Deze postcode staat niet in de postcodetabel.",
        "NOT_CHANGEABLE" => "Dit gegeven kan niet gewijzigd worden.",
        "VERSION_REQUIRED" => "Laad de gegevens opnieuw en probeer het nog eens.",
        "CONFLICTING_FIELDS" => "Kies één van beide, niet allebei.",
        "INVALID_PAGE_TOKEN" => "Deze pagina is niet meer geldig. Begin opnieuw bij de eerste pagina.",
        "NOT_ALLOWED" => "Dit mag hier niet.",
        _ => violation.Description,
    };

    /// <summary>Fields whose rule says more than their reason code: a buddy's places, wishes that need another field, a household's code.</summary>
    private static string? ForField(BadRequest.Types.FieldViolation violation) => (violation.Field, violation.Reason) switch
    {
        ("opportunity.capacity", "OUT_OF_RANGE") => "Vul 1 tot 1000 plekken in. Een taalmaatje neemt 1 tot 3 nieuwkomers.",
        ("opportunity.buddy.families_only", "NOT_ALLOWED") => "Dit kan alleen voor een gezinsmaatje. Kies dan ook 'Wil ook gezinsmaatje zijn'.",
        ("opportunity.buddy.languages", "REQUIRED") => "Vul de talen van het taalmaatje in. Die zijn nodig voor 'Alleen als we een taal delen'.",
        ("newcomer.household_id", "INVALID_ID") => "Gebruik voor het huishouden alleen letters, cijfers, - of _, zoals fam-amina-k (hoogstens 64 tekens).",
        _ => null,
    };
}
