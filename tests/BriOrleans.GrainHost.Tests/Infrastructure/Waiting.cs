namespace BriOrleans.GrainHost.Tests.Infrastructure;

/// <summary>
/// A guard against hanging: a test that waits for something that never happens fails after a
/// generous real-time limit instead of blocking the run. It asserts nothing about speed.
/// </summary>
public static class Waiting
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(20);

    public static Task WithinReasonableTime(this Task task) => task.WaitAsync(s_limit);

    public static Task<T> WithinReasonableTime<T>(this Task<T> task) => task.WaitAsync(s_limit);
}
