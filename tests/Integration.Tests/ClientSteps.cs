using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Newcomers.Integration.Tests;

/// <summary>
/// An external client's process that prints one JSON line per step (<c>{"step": "post", …}</c>), read as
/// the lines come, so that a test can act between two steps (propose a match once the client watches).
/// </summary>
public sealed class ClientSteps : IAsyncDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly StringBuilder errors = new();
    private readonly List<string> lines = [];

    private ClientSteps(Process process)
    {
        this.process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors) errors.AppendLine(e.Data);
        };
        process.BeginErrorReadLine();
    }

    public static ClientSteps Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return new ClientSteps(Process.Start(start)!);
    }

    /// <summary>The next line of the given step; a line of another step before it, or the end of the process, fails the test.</summary>
    public async Task<JsonElement> NextAsync(string step)
    {
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(StepTimeout);
        if (line is null) await process.WaitForExitAsync().WaitAsync(StepTimeout); // for all of its errors
        Assert.True(line is not null, $"the client ended before step {step}: {Output()}");
        lines.Add(line);
        var parsed = JsonDocument.Parse(line).RootElement.Clone();
        Assert.True(parsed.GetProperty("step").GetString() == step, $"expected step {step}: {Output()}");
        return parsed;
    }

    /// <summary>Waits for the client to end, which it does with exit code 0 only when every step was as it expected.</summary>
    public async Task EndAsync()
    {
        await process.WaitForExitAsync().WaitAsync(StepTimeout);
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}: {Output()}");
    }

    private string Output()
    {
        lock (errors) return string.Join('\n', lines) + "\n" + errors;
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
