namespace AlertsPanel.Application.Engine.NodeTypes;

/// <summary>What a node did and where the flow goes next.</summary>
public sealed record NodeResult
{
    private NodeResult(string outcome, string? next, string? detail, bool failed)
    {
        Outcome = outcome;
        Next = next;
        Detail = detail;
        Failed = failed;
    }

    /// <summary>Short and stable, for the step list: <c>next</c>, <c>branch 0</c>, <c>default</c>, <c>error</c>, <c>failed</c>.</summary>
    public string Outcome { get; }

    /// <summary>The next node in the current flow; null ends the flow (or, with <see cref="JumpToFlow"/>, starts another).</summary>
    public string? Next { get; }

    /// <summary>A person-readable explanation, with secrets left out.</summary>
    public string? Detail { get; }

    public bool Failed { get; }

    /// <summary>The flow key to continue in, for nodes that jump to another flow.</summary>
    public string? JumpToFlow { get; private init; }

    public static NodeResult Continue(string? next, string? detail = null) => new("next", next, detail, false);

    public static NodeResult Branch(string outcome, string? next, string detail) => new(outcome, next, detail, false);

    /// <summary>The node could not do its work: continue at <paramref name="onError"/> if the flow names one, else the execution fails.</summary>
    public static NodeResult Error(string? onError, string detail) =>
        onError is null ? new("failed", null, detail, true) : new("error", onError, detail, false);

    public static NodeResult Fail(string detail) => new("failed", null, detail, true);

    public static NodeResult Jump(string flowKey, string detail) => new("jump", null, detail, false) { JumpToFlow = flowKey };
}
