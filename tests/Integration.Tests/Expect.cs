using Google.Rpc;
using Grpc.Core;
using Newcomers.BuildingBlocks.Validation;

namespace Newcomers.Integration.Tests;

/// <summary>
/// Asserts on the error model: status codes and google.rpc.BadRequest field violations. Every
/// field violation of an INVALID_ARGUMENT must carry a reason from <see cref="ViolationReasons.All"/>.
/// </summary>
public static class Expect
{
    public static async Task<RpcException> Status(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(code == error.StatusCode, $"expected {code}, got {error.StatusCode}: {error.Status.Detail}");
        if (code == StatusCode.InvalidArgument && error.GetRpcStatus()?.GetDetail<BadRequest>() is { } details) EveryViolationHasAReason(details);
        return error;
    }

    /// <summary>INVALID_ARGUMENT naming exactly the given field among its violations.</summary>
    public static async Task<BadRequest> InvalidField(string field, Func<Task> call)
    {
        var error = await Status(StatusCode.InvalidArgument, call);
        var details = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(details);
        var fields = details.FieldViolations.Select(v => v.Field).ToList();
        Assert.True(fields.Contains(field), $"expected a violation of '{field}', got: {string.Join(", ", fields)}");
        return details;
    }

    /// <summary>INVALID_ARGUMENT with a violation of the given field for the given reason.</summary>
    public static async Task InvalidField(string field, string reason, Func<Task> call)
    {
        var details = await InvalidField(field, call);
        var reasons = details.FieldViolations.Where(v => v.Field == field).Select(v => v.Reason).ToList();
        Assert.True(reasons.Contains(reason), $"expected '{field}' to be {reason}, got: {string.Join(", ", reasons)}");
    }

    /// <summary>FAILED_PRECONDITION with a google.rpc.PreconditionFailure violation of the given type, which it returns.</summary>
    public static async Task<PreconditionFailure.Types.Violation> Precondition(string type, Func<Task> call)
    {
        var error = await Status(StatusCode.FailedPrecondition, call);
        var details = error.GetRpcStatus()?.GetDetail<PreconditionFailure>();
        Assert.NotNull(details);
        var violation = details.Violations.FirstOrDefault(v => v.Type == type);
        Assert.True(violation is not null, $"expected a precondition {type}, got: {string.Join(", ", details.Violations.Select(v => v.Type))}");
        return violation;
    }

    /// <summary>Every violation has a reason a client can look up.</summary>
    public static void EveryViolationHasAReason(BadRequest details) =>
        Assert.All(details.FieldViolations, v => Assert.True(ViolationReasons.All.Contains(v.Reason), $"'{v.Field}' has reason '{v.Reason}', not one of ViolationReasons.All"));
}
