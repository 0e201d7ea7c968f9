namespace AlertsPanel.Application.Common.Exceptions;

/// <summary>Input broke a rule: 400 with <see cref="Errors"/> per field.</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more validation errors occurred.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>404. The message never says whether the thing exists for somebody else.</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>403: the caller is known but not entitled.</summary>
public sealed class ForbiddenException(string detail) : Exception(detail);

/// <summary>409: the request fits, but not the current state (a disabled flow).</summary>
public sealed class ConflictException(string detail) : Exception(detail);

/// <summary>422: well-formed but contradicts an earlier request (an idempotency key reused with other parameters).</summary>
public sealed class UnprocessableException(string detail) : Exception(detail);
