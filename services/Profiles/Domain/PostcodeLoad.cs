namespace Newcomers.Profiles.Domain;

/// <summary>What loading the postcode table did.</summary>
/// <param name="Loaded">The postcodes given (the file's rows).</param>
/// <param name="Added">Of those, the ones the table did not hold yet.</param>
/// <param name="Changed">Of those, the ones the table held with another municipality or centroid.</param>
/// <param name="Removed">The postcodes the table held that were not given, now gone.</param>
public sealed record PostcodeLoad(int Loaded, int Added, int Changed, int Removed)
{
    /// <summary>The postcodes given that the table already held as they are.</summary>
    public int Unchanged => Loaded - Added - Changed;
}
