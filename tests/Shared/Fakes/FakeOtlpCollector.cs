// Compiled only in the projects that also generate the OTLP messages from tests/Shared/Otlp and define
// RAPANALYZER_OTLP_FAKE (the ItemGroup to copy is in tests/ServiceDefaults.Tests/ServiceDefaults.Tests.csproj); the
// projects that link tests/Shared/Fakes/*.cs for the other fakes get nothing from this file.
#if RAPANALYZER_OTLP_FAKE
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OtlpCommon = OpenTelemetry.Proto.Common.V1;
using OtlpTrace = OpenTelemetry.Proto.Trace.V1;

namespace RapAnalyzer.Testing.Fakes;

/// <summary>One span as a service exported it. Ids are lower-case hex, as <see cref="ActivityTraceId.ToHexString"/>.</summary>
/// <param name="Protocol">How it came: <see cref="FakeOtlpCollector.Grpc"/> or <see cref="FakeOtlpCollector.HttpProtobuf"/>.</param>
/// <param name="ServiceName">The resource's service.name, null when it has none.</param>
/// <param name="ScopeName">The instrumentation scope: in .NET the ActivitySource's name.</param>
/// <param name="ParentSpanId">Null for a root span (of this trace, or of this service when the parent is remote).</param>
public sealed record ReceivedSpan(
    string Protocol,
    string? ServiceName,
    IReadOnlyDictionary<string, object?> ResourceAttributes,
    string ScopeName,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    ActivityKind Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    ActivityStatusCode Status,
    string? StatusDescription,
    IReadOnlyDictionary<string, object?> Attributes)
{
    public override string ToString() =>
        $"{ServiceName}: '{Name}' ({Kind}, {ScopeName}) trace {TraceId} span {SpanId} parent {ParentSpanId ?? "none"}";
}

/// <summary>One log record; <paramref name="ScopeName"/> is the logger's category, the ids are null outside a span.</summary>
public sealed record ReceivedLogRecord(
    string Protocol,
    string? ServiceName,
    string ScopeName,
    string? TraceId,
    string? SpanId,
    int SeverityNumber,
    string SeverityText,
    string? Body,
    IReadOnlyDictionary<string, object?> Attributes);

/// <summary>One metric of one export (its data points are not decoded); a metric comes again at every export.</summary>
public sealed record ReceivedMetric(string Protocol, string? ServiceName, string ScopeName, string Name, string Unit);

/// <summary>
/// A stand-in for an OpenTelemetry collector: a real Kestrel server on loopback that accepts OTLP traces, logs and
/// metrics over gRPC (<see cref="GrpcEndpoint"/>, HTTP/2 without TLS, the collector's port 4317) and over HTTP with
/// protobuf bodies (<see cref="HttpEndpoint"/>, POST /v1/traces, /v1/logs and /v1/metrics, the collector's port 4318),
/// and keeps what it got in memory for a test to look at. Point a process at it with <see cref="ExporterSettings"/>.
/// </summary>
public sealed class FakeOtlpCollector : IAsyncDisposable
{
    /// <summary>The values of OTEL_EXPORTER_OTLP_PROTOCOL this fake speaks.</summary>
    public const string Grpc = "grpc";
    public const string HttpProtobuf = "http/protobuf";

    private const string ProtobufContentType = "application/x-protobuf";

    private readonly WebApplication _app;
    private readonly ListenOptions _grpcListener;
    private readonly ListenOptions _httpListener;
    private readonly object _gate = new();
    private readonly List<ReceivedSpan> _spans = [];
    private readonly ConcurrentQueue<ReceivedLogRecord> _logRecords = new();
    private readonly ConcurrentQueue<ReceivedMetric> _metrics = new();
    private TaskCompletionSource _arrived = NewSignal();

    private FakeOtlpCollector()
    {
        ListenOptions? grpcListener = null, httpListener = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Two ports as a real collector has: without TLS there is no ALPN, so one port can't take both the
            // exporter's HTTP/2 (gRPC) and its HTTP/1.1 (http/protobuf) requests.
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                grpcListener = listen;
            });
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                httpListener = listen;
            });
        });
        // ASP.NET Core's own diagnostics under names nobody listens to: a test process that has OpenTelemetry's
        // ASP.NET Core instrumentation on (as ServiceDefaults does) would otherwise trace every export it makes
        // to this fake, and export those spans too.
        builder.Services.AddSingleton(new DiagnosticListener("RapAnalyzer.Testing.FakeOtlpCollector"));
        builder.Services.AddSingleton<DiagnosticSource>(sp => sp.GetRequiredService<DiagnosticListener>());
        builder.Services.AddSingleton(new ActivitySource("RapAnalyzer.Testing.FakeOtlpCollector"));
        builder.Services.AddSingleton(this);
        builder.Services.AddGrpc();
        _app = builder.Build();
        _grpcListener = grpcListener!;
        _httpListener = httpListener!;

        _app.MapGrpcService<TraceReceiver>();
        _app.MapGrpcService<LogsReceiver>();
        _app.MapGrpcService<MetricsReceiver>();
        _app.MapPost("/v1/traces", context => ReceiveOverHttpAsync(context, ExportTraceServiceRequest.Parser,
            request => Record(request, HttpProtobuf), new ExportTraceServiceResponse()));
        _app.MapPost("/v1/logs", context => ReceiveOverHttpAsync(context, ExportLogsServiceRequest.Parser,
            request => Record(request, HttpProtobuf), new ExportLogsServiceResponse()));
        _app.MapPost("/v1/metrics", context => ReceiveOverHttpAsync(context, ExportMetricsServiceRequest.Parser,
            request => Record(request, HttpProtobuf), new ExportMetricsServiceResponse()));
    }

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        var collector = new FakeOtlpCollector();
        await collector._app.StartAsync();
        return collector;
    }

    /// <summary>The OTLP/gRPC endpoint, the one for OpenTelemetry's default protocol.</summary>
    public Uri Endpoint => GrpcEndpoint;

    public Uri GrpcEndpoint => new($"http://127.0.0.1:{_grpcListener.IPEndPoint!.Port}");

    /// <summary>The OTLP/HTTP base address: an exporter given it as OTEL_EXPORTER_OTLP_ENDPOINT adds /v1/traces and so on.</summary>
    public Uri HttpEndpoint => new($"http://127.0.0.1:{_httpListener.IPEndPoint!.Port}");

    public Uri EndpointFor(string protocol) => protocol switch
    {
        Grpc => GrpcEndpoint,
        HttpProtobuf => HttpEndpoint,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, $"Use {Grpc} or {HttpProtobuf}."),
    };

    /// <summary>
    /// The settings (environment variables, or configuration keys of a host using OpenTelemetry .NET) that make an
    /// OTLP exporter send everything here with <paramref name="protocol"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExporterSettings(string protocol = Grpc) => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = EndpointFor(protocol).ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol,
    };

    public IReadOnlyList<ReceivedSpan> Spans
    {
        get
        {
            lock (_gate)
            {
                return [.. _spans];
            }
        }
    }

    public IReadOnlyList<ReceivedSpan> SpansOfTrace(string traceIdHex) =>
        [.. Spans.Where(s => string.Equals(s.TraceId, traceIdHex, StringComparison.OrdinalIgnoreCase))];

    public IReadOnlyList<ReceivedSpan> SpansOfService(string serviceName) => [.. Spans.Where(s => s.ServiceName == serviceName)];

    public IReadOnlyList<ReceivedLogRecord> LogRecords => [.. _logRecords];

    public IReadOnlyList<ReceivedMetric> Metrics => [.. _metrics];

    /// <summary>Forgets everything received so far.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _spans.Clear();
        }
        _logRecords.Clear();
        _metrics.Clear();
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds for all the spans received so far and returns them; after
    /// <paramref name="timeout"/> throws a <see cref="TimeoutException"/> that lists what did come.
    /// </summary>
    public Task<IReadOnlyList<ReceivedSpan>> WaitForSpansAsync(Func<IReadOnlyList<ReceivedSpan>, bool> condition,
        TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(() => Spans, condition, timeout, "spans", cancellationToken);

    /// <summary><see cref="WaitForSpansAsync"/> over the spans of one trace; returns those.</summary>
    public Task<IReadOnlyList<ReceivedSpan>> WaitForTraceAsync(string traceIdHex,
        Func<IReadOnlyList<ReceivedSpan>, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(() => SpansOfTrace(traceIdHex), condition, timeout, $"spans of trace {traceIdHex}", cancellationToken);

    public Task<IReadOnlyList<ReceivedLogRecord>> WaitForLogRecordsAsync(Func<IReadOnlyList<ReceivedLogRecord>, bool> condition,
        TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(() => LogRecords, condition, timeout, "log records", cancellationToken);

    public Task<IReadOnlyList<ReceivedMetric>> WaitForMetricsAsync(Func<IReadOnlyList<ReceivedMetric>, bool> condition,
        TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(() => Metrics, condition, timeout, "metrics", cancellationToken);

    private async Task<IReadOnlyList<T>> WaitAsync<T>(Func<IReadOnlyList<T>> read, Func<IReadOnlyList<T>, bool> condition,
        TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            // The signal is taken before reading, so an export landing in between wakes the wait up at once.
            var arrived = Volatile.Read(ref _arrived).Task;
            var received = read();
            if (condition(received))
            {
                return received;
            }
            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The {what} received in {timeout} never met the condition; {Describe(read())}");
            }
        }
    }

    private static string Describe<T>(IReadOnlyList<T> received) => received.Count == 0
        ? "none came."
        : $"{received.Count} came:{Environment.NewLine}{string.Join(Environment.NewLine, received.Select(r => $"  {r}"))}";

    /// <summary>Wakes up the waits after an export has been recorded.</summary>
    private void Signal() => Interlocked.Exchange(ref _arrived, NewSignal()).TrySetResult();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task ReceiveOverHttpAsync<TRequest>(HttpContext context, MessageParser<TRequest> parser,
        Action<TRequest> record, IMessage response) where TRequest : IMessage<TRequest>
    {
        if (context.Request.ContentType?.StartsWith(ProtobufContentType, StringComparison.OrdinalIgnoreCase) != true)
        {
            // OTLP/HTTP also allows JSON; OpenTelemetry .NET sends only protobuf, and so does every exporter we use.
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }
        using var body = new MemoryStream();
        if (string.Equals(context.Request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            await using var gzip = new GZipStream(context.Request.Body, CompressionMode.Decompress);
            await gzip.CopyToAsync(body, context.RequestAborted);
        }
        else
        {
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        }
        TRequest request;
        try
        {
            request = parser.ParseFrom(body.ToArray());
        }
        catch (InvalidProtocolBufferException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        record(request);
        context.Response.ContentType = ProtobufContentType;
        await context.Response.Body.WriteAsync(response.ToByteArray(), context.RequestAborted);
    }

    private void Record(ExportTraceServiceRequest request, string protocol)
    {
        var received = new List<ReceivedSpan>();
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = Attributes(resourceSpans.Resource?.Attributes);
            var serviceName = ServiceName(resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = scopeSpans.Scope?.Name ?? "";
                received.AddRange(scopeSpans.Spans.Select(span => new ReceivedSpan(
                    protocol, serviceName, resource, scope,
                    Hex(span.TraceId) ?? "", Hex(span.SpanId) ?? "", Hex(span.ParentSpanId), span.Name, Kind(span.Kind),
                    Time(span.StartTimeUnixNano), Time(span.EndTimeUnixNano), Status(span.Status), NullIfEmpty(span.Status?.Message),
                    Attributes(span.Attributes))));
            }
        }
        lock (_gate)
        {
            _spans.AddRange(received);
        }
        Signal();
    }

    private void Record(ExportLogsServiceRequest request, string protocol)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var serviceName = ServiceName(Attributes(resourceLogs.Resource?.Attributes));
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                foreach (var log in scopeLogs.LogRecords)
                {
                    _logRecords.Enqueue(new ReceivedLogRecord(protocol, serviceName, scopeLogs.Scope?.Name ?? "",
                        Hex(log.TraceId), Hex(log.SpanId), log.SeverityNumber, log.SeverityText,
                        log.Body is null ? null : Value(log.Body)?.ToString(), Attributes(log.Attributes)));
                }
            }
        }
        Signal();
    }

    private void Record(ExportMetricsServiceRequest request, string protocol)
    {
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var serviceName = ServiceName(Attributes(resourceMetrics.Resource?.Attributes));
            foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
            {
                foreach (var metric in scopeMetrics.Metrics)
                {
                    _metrics.Enqueue(new ReceivedMetric(protocol, serviceName, scopeMetrics.Scope?.Name ?? "", metric.Name, metric.Unit));
                }
            }
        }
        Signal();
    }

    private static string? ServiceName(IReadOnlyDictionary<string, object?> resource) =>
        resource.TryGetValue("service.name", out var name) ? name?.ToString() : null;

    /// <summary>Lower-case hex, null for an absent (empty or all-zero) id.</summary>
    private static string? Hex(ByteString id) => id.IsEmpty || id.Span.IndexOfAnyExcept((byte)0) < 0
        ? null
        : Convert.ToHexStringLower(id.Span);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static DateTimeOffset Time(ulong unixNanoseconds) => DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanoseconds / 100));

    private static ActivityKind Kind(OtlpTrace.Span.Types.SpanKind kind) => kind switch
    {
        OtlpTrace.Span.Types.SpanKind.Server => ActivityKind.Server,
        OtlpTrace.Span.Types.SpanKind.Client => ActivityKind.Client,
        OtlpTrace.Span.Types.SpanKind.Producer => ActivityKind.Producer,
        OtlpTrace.Span.Types.SpanKind.Consumer => ActivityKind.Consumer,
        _ => ActivityKind.Internal,
    };

    private static ActivityStatusCode Status(OtlpTrace.Status? status) => status?.Code switch
    {
        OtlpTrace.Status.Types.StatusCode.Ok => ActivityStatusCode.Ok,
        OtlpTrace.Status.Types.StatusCode.Error => ActivityStatusCode.Error,
        _ => ActivityStatusCode.Unset,
    };

    private static IReadOnlyDictionary<string, object?> Attributes(IEnumerable<OtlpCommon.KeyValue>? attributes)
    {
        var result = new Dictionary<string, object?>();
        foreach (var attribute in attributes ?? [])
        {
            result[attribute.Key] = Value(attribute.Value);
        }
        return result;
    }

    /// <summary>string, bool, long, double, byte[], object?[] for an array, a dictionary for a key-value list.</summary>
    private static object? Value(OtlpCommon.AnyValue? value) => value?.ValueCase switch
    {
        OtlpCommon.AnyValue.ValueOneofCase.StringValue => value.StringValue,
        OtlpCommon.AnyValue.ValueOneofCase.BoolValue => value.BoolValue,
        OtlpCommon.AnyValue.ValueOneofCase.IntValue => value.IntValue,
        OtlpCommon.AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue,
        OtlpCommon.AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToByteArray(),
        OtlpCommon.AnyValue.ValueOneofCase.ArrayValue => value.ArrayValue.Values.Select(Value).ToArray(),
        OtlpCommon.AnyValue.ValueOneofCase.KvlistValue => Attributes(value.KvlistValue.Values),
        _ => null,
    };

    private sealed class TraceReceiver(FakeOtlpCollector collector) : TraceService.TraceServiceBase
    {
        public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
        {
            collector.Record(request, Grpc);
            return Task.FromResult(new ExportTraceServiceResponse());
        }
    }

    private sealed class LogsReceiver(FakeOtlpCollector collector) : LogsService.LogsServiceBase
    {
        public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
        {
            collector.Record(request, Grpc);
            return Task.FromResult(new ExportLogsServiceResponse());
        }
    }

    private sealed class MetricsReceiver(FakeOtlpCollector collector) : MetricsService.MetricsServiceBase
    {
        public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
        {
            collector.Record(request, Grpc);
            return Task.FromResult(new ExportMetricsServiceResponse());
        }
    }
}
#endif
