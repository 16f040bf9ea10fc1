using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Newcomers.Integration.Tests;

/// <summary>One REST call made with the real /usr/bin/curl, as a partner's script makes it.</summary>
public static class Curl
{
    /// <summary>The HTTP status and the body as JSON; the body, if any, goes to curl on its standard input.</summary>
    public static async Task<(int Status, JsonElement Body)> SendAsync(RunningHost host, string token, string method, string path, string? json = null)
    {
        var start = new ProcessStartInfo("/usr/bin/curl") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-sS", "-X", method, "-H", $"Authorization: Bearer {token}", "-w", "\n%{http_code}"]) start.ArgumentList.Add(argument);
        if (json is not null)
            foreach (var argument in (string[])["-H", "Content-Type: application/json", "--data-binary", "@-"]) start.ArgumentList.Add(argument);
        start.ArgumentList.Add(host.HttpAddress + path);
        using var curl = Process.Start(start)!;
        await curl.StandardInput.WriteAsync(json ?? "");
        curl.StandardInput.Close();
        var output = await curl.StandardOutput.ReadToEndAsync();
        var errors = await curl.StandardError.ReadToEndAsync();
        await curl.WaitForExitAsync();
        Assert.True(curl.ExitCode == 0, $"curl exited {curl.ExitCode}: {errors}");
        var last = output.LastIndexOf('\n');
        var body = output[..last];
        return (int.Parse(output[(last + 1)..], CultureInfo.InvariantCulture), body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }
}
