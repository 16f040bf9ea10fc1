using Google.Rpc;
using Grpc.Core;

namespace Newcomers.BuildingBlocks.Validation;

/// <summary>
/// The error model: a google.rpc.Status with details on every client error. Messages never name an
/// id, because the gRPC server logs error statuses with their message; the id travels in the
/// ResourceInfo detail, to the caller only.
/// </summary>
public static class Errors
{
    /// <summary>How many field violations an error carries at most; the message says how many more there were.</summary>
    public const int MaxReportedViolations = 20;

    /// <summary>Bytes of field violations an error carries at most, so its trailers stay well under the 8 KB of metadata gRPC clients commonly accept.</summary>
    public const int MaxDetailBytes = 3 * 1024;

    /// <summary>INVALID_ARGUMENT with the first violations (each whole: field, reason and description); an ErrorInfo counts the rest.</summary>
    public static RpcException InvalidArgument(BadRequest details)
    {
        var reported = new BadRequest();
        foreach (var violation in details.FieldViolations)
        {
            if (reported.FieldViolations.Count == MaxReportedViolations || reported.CalculateSize() + violation.CalculateSize() + 3 > MaxDetailBytes) break;
            reported.FieldViolations.Add(violation);
        }
        var more = details.FieldViolations.Count - reported.FieldViolations.Count;
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "invalid request: " + string.Join(", ", reported.FieldViolations.Select(v => Shorten(v.Field))) + (more > 0 ? $" and {more} more" : ""),
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(reported) },
        };
        if (more > 0)
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(new ErrorInfo
            {
                Reason = "MORE_FIELD_VIOLATIONS", Domain = "matching.v1",
                Metadata = { ["reported"] = Invariant(reported.FieldViolations.Count), ["total"] = Invariant(details.FieldViolations.Count) },
            }));
        return status.ToRpcException();
    }

    private static string Shorten(string field) => field.Length <= 80 ? field : field[..80] + "…";

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>INVALID_ARGUMENT for one field; the reason is one of <see cref="ViolationReasons"/>.</summary>
    public static RpcException InvalidArgument(string field, string reason, string description) =>
        InvalidArgument(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Reason = reason, Description = description } } });

    public static RpcException NotFound(string resource, string id) => new Google.Rpc.Status
    {
        Code = (int)Code.NotFound,
        Message = $"{resource} not found",
        Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new ResourceInfo { ResourceType = resource, ResourceName = id }) },
    }.ToRpcException();

    public static RpcException AlreadyExists(string resource, string id) => new Google.Rpc.Status
    {
        Code = (int)Code.AlreadyExists,
        Message = $"{resource} already exists",
        Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new ResourceInfo { ResourceType = resource, ResourceName = id }) },
    }.ToRpcException();

    public static RpcException Aborted(string resource, string id, long currentVersion) => new Google.Rpc.Status
    {
        Code = (int)Code.Aborted,
        Message = $"{resource} was changed by someone else; it is now at version {currentVersion}. Read it again and retry.",
        Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new ErrorInfo { Reason = "STALE_VERSION", Domain = "matching.v1", Metadata = { ["current_version"] = currentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) } }) },
    }.ToRpcException();

    /// <summary>The request is valid but the state of the system does not allow it (type names the rule).</summary>
    public static RpcException FailedPrecondition(string type, string subject, string description) => new Google.Rpc.Status
    {
        Code = (int)Code.FailedPrecondition,
        Message = description,
        Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = type, Subject = subject, Description = description } } }) },
    }.ToRpcException();
}
