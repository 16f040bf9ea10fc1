using System.Buffers.Binary;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace Newcomers.BuildingBlocks.Api;

/// <summary>
/// A request whose bytes are not a message of the method's type is the client's mistake, yet
/// gRPC for .NET would answer UNKNOWN, since it parses before any interceptor runs. This guard
/// parses requests of the given services first (gzip-compressed ones too) and answers
/// INVALID_ARGUMENT itself. It runs after authentication, and leaves bodies over gRPC's 4 MB
/// message limit to gRPC, which refuses them.
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
        context.Response.RegisterForDispose(body);
        await CopyAtMostAsync(context.Request.Body, body, MaxMessage + 6, context.RequestAborted);
        if (body.Length <= MaxMessage + 5 && !Parses(body.GetBuffer().AsSpan(0, (int)body.Length), input, context.Request.Headers["grpc-encoding"]))
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "3";
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString($"the request is not a valid {input.FullName} message");
            return;
        }
        body.Position = 0;
        context.Request.Body = body.Length <= MaxMessage + 5 ? body : new ConcatenatedStream(body, context.Request.Body);
        await next(context);
    }

    private const int MaxMessage = 4 * 1024 * 1024;

    private static async Task CopyAtMostAsync(Stream from, MemoryStream to, int limit, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while (to.Length < limit && (read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - to.Length)), cancellationToken)) > 0)
                to.Write(buffer, 0, read);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The bytes already read, then the rest of the request.</summary>
    private sealed class ConcatenatedStream(Stream first, Stream rest) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await first.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : await rest.ReadAsync(buffer, cancellationToken);
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>True for one length-prefixed frame that parses; a compressed frame is decompressed first (gzip; other encodings are left to gRPC).</summary>
    private static bool Parses(ReadOnlySpan<byte> frame, MessageDescriptor input, string? encoding)
    {
        if (frame.Length < 5 || frame[0] > 1) return false;
        var length = BinaryPrimitives.ReadUInt32BigEndian(frame[1..5]);
        if (length != frame.Length - 5) return false;
        try
        {
            var payload = frame[5..].ToArray();
            if (frame[0] == 1)
            {
                if (encoding != "gzip") return true;
                using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(payload), System.IO.Compression.CompressionMode.Decompress);
                using var plain = new MemoryStream();
                gzip.CopyTo(plain);
                payload = plain.ToArray();
            }
            input.Parser.ParseFrom(payload);
            return true;
        }
        catch (Exception exception) when (exception is InvalidProtocolBufferException or InvalidDataException)
        {
            return false;
        }
    }
}
