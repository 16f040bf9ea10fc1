using System.Diagnostics;
using Newcomers.TestSupport;

namespace Newcomers.Unit.Tests.Deployment;

/// <summary>The README's `dotnet run` keeps relative settings (the data directory) relative to where it is typed.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task Dotnet_run_starts_the_host_in_the_folder_it_is_typed_in()
    {
        var folder = Directory.CreateTempSubdirectory("run-from-").FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "msbuild", Path.Combine(Repository.Root, "services", "Host", "Host.csproj"), "-getProperty:RunWorkingDirectory", "-nologo" })
            start.ArgumentList.Add(arg);
        using var msbuild = Process.Start(start)!;
        var output = (await msbuild.StandardOutput.ReadToEndAsync()).Trim();
        await msbuild.WaitForExitAsync();

        Assert.Equal(0, msbuild.ExitCode);
        Assert.Equal(Path.GetFullPath(folder).TrimEnd('/'), output.TrimEnd('/'));
    }
}
