using Google.Rpc;
using Grpc.Core;

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

/// <summary>
/// The error model: a google.rpc.Status with details on every client error. Messages never name an
/// id, because the gRPC server logs error statuses with their message; the id travels in the
/// ResourceInfo detail, to the caller only.
/// </summary>
public static class Errors
{
    public static RpcException InvalidArgument(BadRequest details) => new Google.Rpc.Status
    {
        Code = (int)Code.InvalidArgument,
        Message = "invalid request: " + string.Join(", ", details.FieldViolations.Select(v => v.Field)),
        Details = { Google.Protobuf.WellKnownTypes.Any.Pack(details) },
    }.ToRpcException();

    public static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } } });

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
