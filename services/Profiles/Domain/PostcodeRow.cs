namespace Newcomers.Profiles.Domain;

/// <summary>One row of a postcode file as text, before it is checked: its row in the file and its five columns.</summary>
/// <param name="Row">The row's number in the file, counting every line (the header and comments too), as a spreadsheet numbers its rows.</param>
/// <param name="Postcode">The column "postcode".</param>
/// <param name="MunicipalityCode">The column "gemeentecode".</param>
/// <param name="MunicipalityName">The column "gemeentenaam".</param>
/// <param name="Latitude">The column "latitude".</param>
/// <param name="Longitude">The column "longitude".</param>
public sealed record PostcodeRow(long Row, string Postcode, string MunicipalityCode, string MunicipalityName, string Latitude, string Longitude);
