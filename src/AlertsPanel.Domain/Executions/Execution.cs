namespace AlertsPanel.Domain.Executions;

public enum ExecutionStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// One run of a flow for one user. It carries its own state (the next node, the attributes as
/// the flow changed them, the path and the steps) so that any worker can resume it.
/// </summary>
public sealed class Execution
{
    /// <summary>The loop guard: a flow that has not ended after this many steps fails.</summary>
    public const int MaxSteps = 1000;

    private Execution(Guid id, string customerCid, string botKey, string flowKey, int flowVersion, Guid userId, DateTimeOffset createdAt)
    {
        Id = id;
        CustomerCid = customerCid;
        BotKey = botKey;
        FlowKey = flowKey;
        FlowVersion = flowVersion;
        UserId = userId;
        CreatedAt = createdAt;
        CurrentFlowKey = flowKey;
        CurrentFlowVersion = flowVersion;
    }

    public Guid Id { get; private set; }
    public string CustomerCid { get; private set; }
    public string BotKey { get; private set; }
    public string FlowKey { get; private set; }
    public int FlowVersion { get; private set; }
    public Guid UserId { get; private set; }
    public ExecutionStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? Error { get; private set; }

    /// <summary>The flow being walked now; another flow's after a <c>go_to_flow</c>.</summary>
    public string CurrentFlowKey { get; private set; }
    public int CurrentFlowVersion { get; private set; }

    /// <summary>The node to run next; null before the start and after the end.</summary>
    public string? NextNodeId { get; private set; }

    public Dictionary<string, string> Attributes { get; private set; } = new(StringComparer.OrdinalIgnoreCase);
    public List<string> Path { get; private set; } = [];
    public List<ExecutionStep> Steps { get; private set; } = [];

    // The lease: which worker runs the execution, and until when others must leave it alone.
    public string? LeaseOwner { get; private set; }
    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    public bool IsFinished => Status is ExecutionStatus.Completed or ExecutionStatus.Failed;

    public static Execution Queue(string customerCid, string botKey, string flowKey, int flowVersion, Guid userId,
        IReadOnlyDictionary<string, string> attributes, string startNodeId, DateTimeOffset now)
    {
        var execution = new Execution(Guid.CreateVersion7(now), customerCid, botKey, flowKey, flowVersion, userId, now)
        {
            Status = ExecutionStatus.Queued,
            NextNodeId = startNodeId,
        };
        foreach (var (name, value) in attributes)
        {
            execution.Attributes[name] = value;
        }
        return execution;
    }

    public void Start(DateTimeOffset now)
    {
        Status = ExecutionStatus.Running;
        StartedAt ??= now;
    }

    /// <summary>Records a finished step and where the flow goes next (null: the flow ends).</summary>
    public void RecordStep(ExecutionStep step, string pathEntry, string? nextNodeId)
    {
        Steps.Add(step);
        Path.Add(pathEntry);
        NextNodeId = nextNodeId;
    }

    /// <summary>Continues in another flow (a jump); the path keeps counting toward the loop guard.</summary>
    public void SwitchFlow(string flowKey, int flowVersion, string startNodeId)
    {
        CurrentFlowKey = flowKey;
        CurrentFlowVersion = flowVersion;
        NextNodeId = startNodeId;
    }

    public void Complete(DateTimeOffset now)
    {
        Status = ExecutionStatus.Completed;
        CompletedAt = now;
        NextNodeId = null;
        ReleaseLease();
    }

    public void Fail(string error, DateTimeOffset now)
    {
        Status = ExecutionStatus.Failed;
        Error = error;
        CompletedAt = now;
        NextNodeId = null;
        ReleaseLease();
    }

    public void ExtendLease(string owner, DateTimeOffset expiresAt)
    {
        LeaseOwner = owner;
        LeaseExpiresAt = expiresAt;
    }

    private void ReleaseLease()
    {
        LeaseOwner = null;
        LeaseExpiresAt = null;
    }
}

/// <summary>What one node did: its outcome (<c>next</c>, <c>branch 0</c>, <c>default</c>, …) and why.</summary>
public sealed record ExecutionStep(
    string NodeId,
    string Type,
    string Outcome,
    string? Detail,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt);
