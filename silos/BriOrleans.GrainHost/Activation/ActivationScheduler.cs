namespace BriOrleans.GrainHost;

/// <summary>
/// The task scheduler of one activation: its tasks run one at a time, in the order they were queued, on thread-pool
/// threads. A task queued while the activation is idle starts a run on the pool; the run drains the queue and ends
/// when it is empty. A task may also run inline when it is asked for on a thread already running this activation.
/// It does what <see cref="ConcurrentExclusiveSchedulerPair"/>'s exclusive scheduler did for the host at a fraction of
/// its size: the ledger creates an activation for every new document, shipment and contract.
/// </summary>
internal sealed class ActivationScheduler : TaskScheduler
{
    [ThreadStatic]
    private static ActivationScheduler? t_running;

    private readonly Lock _lock = new();
    private readonly Queue<Task> _queue = new();
    private bool _runScheduled;

    public override int MaximumConcurrencyLevel => 1;

    protected override void QueueTask(Task task)
    {
        lock (_lock)
        {
            _queue.Enqueue(task);
            if (_runScheduled)
                return;
            _runScheduled = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(static scheduler => scheduler.Run(), this, preferLocal: true);
    }

    private void Run()
    {
        // A run is a thread-pool work item of its own, never nested in another activation's run.
        t_running = this;
        try
        {
            while (true)
            {
                Task? task;
                lock (_lock)
                {
                    if (!_queue.TryDequeue(out task))
                    {
                        _runScheduled = false;
                        return;
                    }
                }
                // A task already run inline is skipped here: TryExecuteTask runs a task at most once.
                TryExecuteTask(task);
            }
        }
        finally
        {
            t_running = null;
        }
    }

    // Only on a thread that is running this activation: anywhere else the task would run beside the activation's turn.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        t_running == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_lock)
            return [.. _queue];
    }
}
