using Google.Rpc;
using Grpc.Core;

namespace Newcomers.Integration.Tests;

/// <summary>Asserts on the error model: status codes and google.rpc.BadRequest field violations.</summary>
public static class Expect
{
    public static async Task<RpcException> Status(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(code == error.StatusCode, $"expected {code}, got {error.StatusCode}: {error.Status.Detail}");
        return error;
    }

    /// <summary>INVALID_ARGUMENT naming exactly the given field among its violations.</summary>
    public static async Task InvalidField(string field, Func<Task> call)
    {
        var error = await Status(StatusCode.InvalidArgument, call);
        var details = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(details);
        var fields = details.FieldViolations.Select(v => v.Field).ToList();
        Assert.True(fields.Contains(field), $"expected a violation of '{field}', got: {string.Join(", ", fields)}");
    }
}
