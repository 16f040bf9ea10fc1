using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;

namespace Newcomers.BuildingBlocks.Api;

/// <summary>
/// Turns storage conflicts into the right status and every unexpected fault into INTERNAL, so a
/// call never ends in UNKNOWN. Logs carry the method and exception type only: no request data.
/// </summary>
public sealed class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    private RpcException Translate(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case ConcurrencyConflictException conflict:
                return Errors.Aborted(conflict.Collection, conflict.Id, conflict.Actual);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"));
            default:
                logger.LogError("{Method} failed with {ExceptionType}", context.Method, exception.GetType().Name);
                return new RpcException(new Status(StatusCode.Internal, "internal error; the request was not applied"));
        }
    }
}
