using System.Buffers.Binary;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace Newcomers.BuildingBlocks.Api;

/// <summary>
/// A request whose bytes are not a message of the method's type is the client's mistake, yet
/// gRPC for .NET would answer UNKNOWN, since it parses before any interceptor runs. This guard
/// parses requests of the given services first (gzip-compressed ones too) and answers
/// INVALID_ARGUMENT itself. A compressed frame is inflated no further than the largest message the
/// server accepts (<see cref="MaxMessage"/>): a decompression bomb gets RESOURCE_EXHAUSTED at once,
/// and memory stays flat. It runs after authentication, and leaves bodies over the limit to gRPC,
/// which refuses them.
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
        var verdict = body.Length <= MaxMessage + 5 ? Check(body.GetBuffer().AsSpan(0, (int)body.Length), input, context.Request.Headers["grpc-encoding"]) : Verdict.Parses;
        if (verdict != Verdict.Parses)
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = verdict == Verdict.TooLarge ? "8" : "3";
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(verdict == Verdict.TooLarge
                ? $"the request inflates to more than {MaxMessage / (1024 * 1024)} MB, the largest message this service accepts"
                : $"the request is not a valid {input.FullName} message");
            return;
        }
        body.Position = 0;
        context.Request.Body = body.Length <= MaxMessage + 5 ? body : new ConcatenatedStream(body, context.Request.Body);
        await next(context);
    }

    /// <summary>The largest request message, compressed or inflated, that the server accepts (gRPC's MaxReceiveMessageSize is set to it).</summary>
    public const int MaxMessage = 4 * 1024 * 1024;

    private enum Verdict { Parses, Malformed, TooLarge }

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

    /// <summary>Whether one length-prefixed frame parses; a compressed frame is inflated first, at most to <see cref="MaxMessage"/> (gzip; other encodings are left to gRPC).</summary>
    private static Verdict Check(ReadOnlySpan<byte> frame, MessageDescriptor input, string? encoding)
    {
        if (frame.Length < 5 || frame[0] > 1) return Verdict.Malformed;
        var length = BinaryPrimitives.ReadUInt32BigEndian(frame[1..5]);
        if (length != frame.Length - 5) return Verdict.Malformed;
        try
        {
            var payload = frame[5..].ToArray();
            if (frame[0] == 1)
            {
                if (encoding != "gzip") return Verdict.Parses;
                using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(payload), System.IO.Compression.CompressionMode.Decompress);
                using var plain = new MemoryStream();
                var buffer = new byte[64 * 1024];
                int read;
                while ((read = gzip.Read(buffer)) > 0)
                {
                    if (plain.Length + read > MaxMessage) return Verdict.TooLarge;
                    plain.Write(buffer, 0, read);
                }
                payload = plain.ToArray();
            }
            input.Parser.ParseFrom(payload);
            return Verdict.Parses;
        }
        catch (Exception exception) when (exception is InvalidProtocolBufferException or InvalidDataException)
        {
            return Verdict.Malformed;
        }
    }
}
