using Google.Rpc;
using Newcomers.BuildingBlocks.Validation;

namespace Newcomers.Console.Text;

/// <summary>A field violation of the API in Dutch, by its reason code (the sentences live in <see cref="DutchViolationText"/>).</summary>
public static class ViolationText
{
    public static string Dutch(BadRequest.Types.FieldViolation violation) => DutchViolationText.For(violation.Field, violation.Reason, violation.Description);
}
