using Google.Protobuf.WellKnownTypes;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Domain;

/// <summary>
/// When a newcomer's home comes from the postcode table: a request that gives a postcode but no
/// home places the newcomer at the postcode's centroid. A home that is given always wins, and its
/// postcode is then not looked up.
/// </summary>
public static class HomeFromPostcode
{
    /// <summary>For CreateNewcomer: the postcode whose centroid is to be the home, or null when home is given or no postcode is.</summary>
    public static string? ForCreate(Newcomer newcomer) => newcomer.Home is null && newcomer.Postcode.Length > 0 ? newcomer.Postcode : null;

    /// <summary>
    /// For UpdateNewcomer: an update that sets the postcode or home, without giving home itself,
    /// moves home to the centroid of the newcomer's postcode: the one the update sets, or else the
    /// one it has. Returns that postcode, or null when home stays as the update leaves it.
    /// </summary>
    public static string? ForUpdate(Newcomer current, Newcomer change, FieldMask? mask)
    {
        var everything = mask is not { Paths.Count: > 0 };
        bool Sets(string field) => everything || mask!.Paths.Any(p => p == field || p.StartsWith(field + ".", StringComparison.Ordinal));
        if (Sets("home") && change.Home is not null) return null;
        var postcode = Sets("postcode") ? change.Postcode : current.Postcode;
        return postcode.Length > 0 && (Sets("postcode") || Sets("home")) ? postcode : null;
    }

    /// <summary>Sets home on the change, and the mask that makes the update write it.</summary>
    public static FieldMask? WithHome(Newcomer change, FieldMask? mask, GeoPoint centroid)
    {
        change.Home = centroid.Clone();
        if (mask is not { Paths.Count: > 0 }) return mask;
        return new FieldMask { Paths = { mask.Paths.Where(p => p != "home" && !p.StartsWith("home.", StringComparison.Ordinal)).Append("home") } };
    }
}
