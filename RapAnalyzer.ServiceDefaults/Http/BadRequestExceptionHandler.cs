using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RapAnalyzer.ServiceDefaults.Http;

/// <summary>
/// A request that could not be bound (a malformed JSON body, a route value or query parameter that does not parse, a
/// missing body) is the client's mistake: it gets the status the framework chose (400, 415...) and a problem saying
/// what was wrong, and is logged as information, not as an error. Every other exception is left to the exception
/// handler's 500 problem.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails, ILogger<BadRequestExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        logger.LogInformation(badRequest, "Bad request {Method} {Path}: {Problem}", context.Request.Method, context.Request.Path,
            badRequest.Message);
        context.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = badRequest,
            ProblemDetails = { Status = badRequest.StatusCode, Detail = Describe(badRequest) },
        });
    }

    /// <summary>
    /// The framework's message names the parameter, without the .NET type it also names; a missing body says so
    /// plainly, not as the framework's question whether a service was meant; a JSON body, where in it the reader gave up.
    /// </summary>
    private static string Describe(BadHttpRequestException badRequest)
    {
        var message = WithoutTypes().Replace(badRequest.Message, "parameter \"$1\"");
        message = MissingBody().Replace(message, "The request body is missing: \"${name}\" is read from it, as a JSON object.");
        return badRequest.InnerException is JsonException { LineNumber: { } line, BytePositionInLine: { } position } json
            ? $"{message} The JSON is invalid at {json.Path ?? "$"} (line {line + 1}, byte {position + 1})."
            : message;
    }

    // 'parameter "SongRequest song"', 'parameter "int? page"': the last word is the parameter's name.
    [GeneratedRegex(@"parameter ""[^""]*?(\w+)""")]
    private static partial Regex WithoutTypes();

    [GeneratedRegex(@"^(?:Implicit body inferred for parameter ""(?<name>\w+)"" but no body was provided\..*|Required parameter ""(?<name>\w+)"" was not provided from body\.)$")]
    private static partial Regex MissingBody();
}
