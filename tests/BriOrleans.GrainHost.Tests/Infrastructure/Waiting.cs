namespace BriOrleans.GrainHost.Tests.Infrastructure;

/// <summary>
/// A guard against hanging: a test that waits for something that never happens fails after a
/// generous real-time limit instead of blocking the run. It asserts nothing about speed, and it
/// throws <see cref="TestHangException"/>, never a <see cref="TimeoutException"/> a test could mistake
/// for the host's response timeout.
/// </summary>
public static class Waiting
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(20);

    public static async Task WithinReasonableTime(this Task task)
    {
        await Guard(task);
        await task;
    }

    public static async Task<T> WithinReasonableTime<T>(this Task<T> task)
    {
        await Guard(task);
        return await task;
    }

    private static async Task Guard(Task task)
    {
        using var limit = new CancellationTokenSource();
        if (await Task.WhenAny(task, Task.Delay(s_limit, limit.Token)) != task)
            throw new TestHangException($"a task the test waits for did not complete within {s_limit}");
        await limit.CancelAsync();
    }
}

/// <summary>Something a test waited for never happened.</summary>
public sealed class TestHangException(string message) : Exception(message);
