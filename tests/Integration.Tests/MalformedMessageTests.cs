using Grpc.Core;

namespace Newcomers.Integration.Tests;

public sealed class MalformedMessageTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly Method<byte[], byte[]> CreateNewcomer = new(MethodType.Unary, "matching.v1.ProfileService", "CreateNewcomer",
        Marshallers.Create(bytes => bytes, bytes => bytes), Marshallers.Create(bytes => bytes, bytes => bytes));

    [Fact]
    public async Task Bytes_that_are_not_a_message_are_a_client_error_not_unknown()
    {
        var invoker = fixture.Host.Channel.CreateCallInvoker();
        var error = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(CreateNewcomer, null, new CallOptions(), [0x0A, 0xFF, 0xFF, 0xFF]).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
