using AlertsPanel.Application.Common.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AlertsPanel.Api;

/// <summary>The one error path: application exceptions become RFC 9457 problem details with the right status.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationException e => new ValidationProblemDetails(e.Errors.ToDictionary()) { Detail = "See 'errors' for each field." },
            NotFoundException e => new ProblemDetails { Status = 404, Detail = e.Message },
            ForbiddenException e => new ProblemDetails { Status = 403, Detail = e.Message },
            ConflictException e => new ProblemDetails { Status = 409, Detail = e.Message },
            UnprocessableException e => new ProblemDetails { Status = 422, Detail = e.Message },
            // Malformed JSON and similar: the framework's own 4xx, with its reason.
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Detail = e.Message },
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            return false;
        }
        problem.Status ??= 400;
        problem.Title ??= Title(problem.Status.Value);
        problem.Type ??= Problems.TypeFor(problem.Status.Value);
        httpContext.Response.StatusCode = problem.Status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static string Title(int status) => status switch
    {
        400 => "One or more validation errors occurred.",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        _ => "Bad Request",
    };
}
