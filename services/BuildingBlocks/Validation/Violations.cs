using Google.Rpc;

namespace Newcomers.BuildingBlocks.Validation;

/// <summary>Collects every bad field of a request, then fails once with all of them.</summary>
public sealed class Violations
{
    private readonly BadRequest badRequest = new();

    public bool Any => badRequest.FieldViolations.Count > 0;

    public IEnumerable<string> Fields => badRequest.FieldViolations.Select(v => v.Field);

    public Violations Add(string field, string description)
    {
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    /// <summary>Adds the violation unless the condition holds.</summary>
    public Violations Check(bool condition, string field, string description) => condition ? this : Add(field, description);

    public void ThrowIfAny()
    {
        if (Any) throw Errors.InvalidArgument(badRequest);
    }
}
