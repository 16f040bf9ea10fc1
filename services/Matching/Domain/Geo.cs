namespace Newcomers.Matching.Domain;

/// <summary>
/// Distances on the map. Within a region (under 100 km) the equirectangular approximation is
/// within 0.1% of the great-circle distance and costs a few multiplications.
/// </summary>
public static class Geo
{
    public const double KmPerDegreeLatitude = 110.574;

    public static double KmPerDegreeLongitude(double latitude) => 111.320 * Math.Cos(latitude * Math.PI / 180);

    /// <summary>Distances from one point, with the cosine computed once: for scanning many candidates.</summary>
    public readonly struct From(double latitude, double longitude)
    {
        private readonly double kmPerDegreeLongitude = KmPerDegreeLongitude(latitude);

        public double SquaredKm(double otherLatitude, double otherLongitude)
        {
            var y = (otherLatitude - latitude) * KmPerDegreeLatitude;
            var x = (otherLongitude - longitude) * kmPerDegreeLongitude;
            return x * x + y * y;
        }

        /// <summary>
        /// The squared distance to the nearest point of a box: each coordinate clamped into the box is
        /// nearer the point's than any inside, so this is at most the squared distance to anything in it.
        /// </summary>
        public double SquaredKmToBox(double minLatitude, double maxLatitude, double minLongitude, double maxLongitude) =>
            SquaredKm(Math.Clamp(latitude, minLatitude, maxLatitude), Math.Clamp(longitude, minLongitude, maxLongitude));
    }

    public static double DistanceKm(double latitudeA, double longitudeA, double latitudeB, double longitudeB)
    {
        var y = (latitudeB - latitudeA) * KmPerDegreeLatitude;
        var x = (longitudeB - longitudeA) * KmPerDegreeLongitude((latitudeA + latitudeB) / 2);
        return Math.Sqrt(x * x + y * y);
    }
}
