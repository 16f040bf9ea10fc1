using System.Globalization;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Domain;

/// <summary>The municipalities of the postcode table, as ListMunicipalities gives them.</summary>
public static class MunicipalityList
{
    private static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);

    /// <summary>Each municipality once, with its name and how many of the postcodes lie in it, sorted by name (then code).</summary>
    public static List<Municipality> Of(IEnumerable<Postcode> postcodes) => postcodes
        .GroupBy(p => p.MunicipalityCode)
        .Select(g => new Municipality { Code = g.Key, Name = g.First().MunicipalityName, Postcodes = g.Count() })
        .OrderBy(m => m.Name, NameOrder).ThenBy(m => m.Code, StringComparer.Ordinal)
        .ToList();
}
