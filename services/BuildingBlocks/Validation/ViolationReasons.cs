namespace Newcomers.BuildingBlocks.Validation;

/// <summary>
/// The reason of every field violation (google.rpc.BadRequest.FieldViolation.reason): a stable
/// code a client can turn into a sentence of its own, in its own language, together with the field
/// name. The English description stays for developers. docs/api.md lists the same codes.
/// </summary>
public static class ViolationReasons
{
    /// <summary>Missing: empty, blank, unset, or a list without entries that needs one.</summary>
    public const string Required = "REQUIRED";

    /// <summary>A text longer than the field takes.</summary>
    public const string TooLong = "TOO_LONG";

    /// <summary>A list with more entries than the field takes.</summary>
    public const string TooMany = "TOO_MANY";

    /// <summary>A number outside the range the field takes.</summary>
    public const string OutOfRange = "OUT_OF_RANGE";

    /// <summary>Not an id: 1 to 64 letters, digits, '-' or '_' (also when missing).</summary>
    public const string InvalidId = "INVALID_ID";

    /// <summary>Not a CBS municipality code such as GM0342 (also when missing).</summary>
    public const string InvalidMunicipalityCode = "INVALID_MUNICIPALITY_CODE";

    /// <summary>Not the four digits of a Dutch postcode.</summary>
    public const string InvalidPostcode = "INVALID_POSTCODE";

    /// <summary>A well-formed postcode that the postcode table does not hold, where it was to give a location.</summary>
    public const string UnknownPostcode = "UNKNOWN_POSTCODE";

    /// <summary>A well-formed provider id of no provider, in a CSV import's row (a call that names one gets NOT_FOUND).</summary>
    public const string UnknownProvider = "UNKNOWN_PROVIDER";

    /// <summary>Not an ISCO-08 unit group code of four digits.</summary>
    public const string InvalidIscoCode = "INVALID_ISCO_CODE";

    /// <summary>Not an ISO 639 language code in lower case.</summary>
    public const string InvalidLanguageCode = "INVALID_LANGUAGE_CODE";

    /// <summary>Not an ISO 3166-1 alpha-2 country code in upper case.</summary>
    public const string InvalidCountryCode = "INVALID_COUNTRY_CODE";

    /// <summary>Not one of the values the field allows: an enum left unspecified where one is needed, or a number the enum does not define.</summary>
    public const string InvalidChoice = "INVALID_CHOICE";

    /// <summary>Not a full calendar date that exists.</summary>
    public const string InvalidDate = "INVALID_DATE";

    /// <summary>An end date before the start date.</summary>
    public const string DateOrder = "DATE_ORDER";

    /// <summary>A latitude or longitude outside its range, or zero (not set).</summary>
    public const string InvalidLocation = "INVALID_LOCATION";

    /// <summary>A value given more than once where each may appear once.</summary>
    public const string Duplicate = "DUPLICATE";

    /// <summary>An update mask path that names no field the update can change.</summary>
    public const string NotChangeable = "NOT_CHANGEABLE";

    /// <summary>An update without the version it is based on.</summary>
    public const string VersionRequired = "VERSION_REQUIRED";

    /// <summary>Two fields of which the request may give only one.</summary>
    public const string ConflictingFields = "CONFLICTING_FIELDS";

    /// <summary>A page token that is not one this caller got for this query.</summary>
    public const string InvalidPageToken = "INVALID_PAGE_TOKEN";

    /// <summary>A WatchMatches cursor that is not one this caller got for this watch.</summary>
    public const string InvalidCursor = "INVALID_CURSOR";

    /// <summary>A value the rest of the request rules out (such as a buddy offer on an opportunity that is not a language buddy).</summary>
    public const string NotAllowed = "NOT_ALLOWED";

    /// <summary>Every reason, in the order docs/api.md lists them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Required, TooLong, TooMany, OutOfRange, InvalidId, InvalidMunicipalityCode, InvalidPostcode, UnknownPostcode, UnknownProvider, InvalidIscoCode,
        InvalidLanguageCode, InvalidCountryCode, InvalidChoice, InvalidDate, DateOrder, InvalidLocation, Duplicate, NotChangeable, VersionRequired,
        ConflictingFields, InvalidPageToken, InvalidCursor, NotAllowed,
    ];
}
