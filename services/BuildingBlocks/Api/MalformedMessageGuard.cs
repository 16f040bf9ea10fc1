using System.Buffers.Binary;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace Newcomers.BuildingBlocks.Api;

/// <summary>
/// A request whose bytes are not a message of the method's type is the client's mistake, yet
/// gRPC for .NET would answer UNKNOWN, since it parses before any interceptor runs. This guard
/// parses unary requests of the given services first and answers INVALID_ARGUMENT itself.
/// </summary>
public sealed class MalformedMessageGuard(RequestDelegate next, IReadOnlyDictionary<string, MessageDescriptor> inputs)
{
    public static IReadOnlyDictionary<string, MessageDescriptor> InputsOf(params ServiceDescriptor[] services) =>
        services.SelectMany(s => s.Methods.Where(m => !m.IsClientStreaming)).ToDictionary(m => $"/{m.Service.FullName}/{m.Name}", m => m.InputType);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!inputs.TryGetValue(context.Request.Path.Value ?? "", out var input) || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            await next(context);
            return;
        }
        var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (!Parses(body.GetBuffer().AsSpan(0, (int)body.Length), input))
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "3";
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString($"the request is not a valid {input.FullName} message");
            return;
        }
        body.Position = 0;
        context.Request.Body = body;
        await next(context);
    }

    /// <summary>True for one length-prefixed frame that parses (compressed frames are left to gRPC).</summary>
    private static bool Parses(ReadOnlySpan<byte> frame, MessageDescriptor input)
    {
        if (frame.Length < 5) return false;
        if (frame[0] != 0) return true;
        var length = BinaryPrimitives.ReadUInt32BigEndian(frame[1..5]);
        if (length != frame.Length - 5) return false;
        try
        {
            input.Parser.ParseFrom(frame[5..].ToArray());
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }
}
