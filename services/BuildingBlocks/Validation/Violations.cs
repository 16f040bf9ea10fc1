using Google.Rpc;

namespace Newcomers.BuildingBlocks.Validation;

/// <summary>Collects every bad field of a request, then fails once with all of them.</summary>
public sealed class Violations
{
    private readonly BadRequest badRequest = new();

    public bool Any => badRequest.FieldViolations.Count > 0;

    public IEnumerable<string> Fields => badRequest.FieldViolations.Select(v => v.Field);

    /// <summary>Every violation so far, in the order they were added.</summary>
    public IReadOnlyList<BadRequest.Types.FieldViolation> All => badRequest.FieldViolations;

    /// <summary>The reasons of the violations so far, in the order of <see cref="Fields"/>.</summary>
    public IEnumerable<string> Reasons => badRequest.FieldViolations.Select(v => v.Reason);

    /// <summary>Adds a violation of the field; the reason is one of <see cref="ViolationReasons"/>, the description says in English what the field takes.</summary>
    public Violations Add(string field, string reason, string description)
    {
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Reason = reason, Description = description });
        return this;
    }

    /// <summary>Adds the violation unless the condition holds.</summary>
    public Violations Check(bool condition, string field, string reason, string description) => condition ? this : Add(field, reason, description);

    public void ThrowIfAny()
    {
        if (Any) throw Errors.InvalidArgument(badRequest);
    }
}
