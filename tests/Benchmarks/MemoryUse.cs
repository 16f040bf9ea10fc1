using System.Globalization;

namespace Newcomers.Benchmarks;

/// <summary>
/// What a call costs in memory: the process's resident set before it, the highest resident set
/// while it ran (Linux's VmHWM, reset just before the call by writing 5 to /proc/self/clear_refs),
/// the bytes the call allocated on the managed heap, and the managed heap its result keeps alive.
/// Native memory (OR-Tools' solvers) shows in the resident set, not in the managed figures.
/// </summary>
public sealed record MemoryUse(long ResidentBefore, long PeakResident, long Allocated, long Retained, bool PeakReset)
{
    public static (T Result, MemoryUse Memory) Around<T>(Func<T> call)
    {
        var heapBefore = SettledHeap();
        var residentBefore = Status("VmRSS");
        var peakReset = ResetPeak();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var result = call();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peak = Status("VmHWM");
        var retained = SettledHeap() - heapBefore;
        GC.KeepAlive(result);
        return (result, new MemoryUse(residentBefore, peak, allocated, retained, peakReset));
    }

    public override string ToString() =>
        $"resident {Mib(ResidentBefore)} MiB before the call, at most {Mib(PeakResident)} MiB during it (+{Mib(PeakResident - ResidentBefore)} MiB{(PeakReset ? "" : "; the peak could not be reset, so it is the process's")}); " +
        $"{Mib(Allocated)} MiB allocated on the managed heap during the call, {Mib(Retained)} MiB of it kept by the result";

    private static long SettledHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A size line of /proc/self/status, in bytes.</summary>
    private static long Status(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("#,0", CultureInfo.InvariantCulture);
}
