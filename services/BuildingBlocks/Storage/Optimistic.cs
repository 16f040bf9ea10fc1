namespace Newcomers.BuildingBlocks.Storage;

/// <summary>
/// Read-modify-write on the server's own behalf (an event handler, an answer without a version):
/// on a version conflict, read again and retry, so concurrent writers never lose an update.
/// </summary>
public static class Optimistic
{
    public static async Task<T> RetryAsync<T>(Func<Task<T>> attempt, int attempts = 20)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt();
            }
            catch (ConcurrencyConflictException) when (i < attempts)
            {
                await Task.Delay(Random.Shared.Next(1, 1 + 2 * i));
            }
        }
    }

    public static Task RetryAsync(Func<Task> attempt, int attempts = 20) =>
        RetryAsync(async () => { await attempt(); return true; }, attempts);
}
