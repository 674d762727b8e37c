using System.Runtime.ExceptionServices;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Provisioning.Azure.Policies;

/// <summary>
/// Azure.Core's retry policy with its waits on a <see cref="TimeProvider"/>: Azure.Core still decides what is retried
/// (<see cref="RetryPolicy.ShouldRetryAsync"/>: 408, 429, 5xx and connection failures, up to the maximum) and how long
/// to wait (<see cref="DelayStrategy"/>: Retry-After in seconds or as a date, else exponential back-off with jitter);
/// only the sleep itself runs on the clock, so tests of back-off need no real sleeping. Two limits of its own: a TLS
/// handshake failure (an untrusted or mismatched certificate) is never retried, and tries that got no answer at all are
/// retried at most <c>maxRetriesWithoutResponse</c> times — the long budget is for ARM's throttling answers, not for a
/// host that does not answer. A wait longer than <c>maxWait</c> (only a server's <c>Retry-After</c> asks for one) is not
/// made: the answer is reported instead, so a run never sleeps for an hour on one request.
/// </summary>
/// <remarks>Azure.Core 1.64 keeps its own wait internal, so the attempt loop is restated here around the public hooks.</remarks>
internal sealed class TimeProviderRetryPolicy : RetryPolicy
{
    private readonly DelayStrategy _delayStrategy;
    private readonly TimeProvider _time;
    private readonly int _maxRetriesWithoutResponse;
    private readonly TimeSpan _maxWait;

    /// <summary>
    /// Creates the policy: at most <paramref name="maxRetries"/> retries, of which at most
    /// <paramref name="maxRetriesWithoutResponse"/> after a try that got no answer; waits from <paramref name="delayStrategy"/> on <paramref name="time"/>.
    /// </summary>
    public TimeProviderRetryPolicy(int maxRetries, DelayStrategy delayStrategy, TimeProvider time, int maxRetriesWithoutResponse = int.MaxValue, TimeSpan? maxWait = null)
        : base(maxRetries, delayStrategy)
    {
        _delayStrategy = delayStrategy;
        _time = time;
        _maxRetriesWithoutResponse = maxRetriesWithoutResponse;
        _maxWait = maxWait ?? TimeSpan.MaxValue;
    }

    /// <summary>
    /// Creates the policy from the options' <see cref="RetryOptions"/>, clock, limit of retries without an answer, and the
    /// longest single wait (a server asking for more by <c>Retry-After</c> gets its answer reported instead).
    /// </summary>
    public static TimeProviderRetryPolicy From(RetryOptions retry, TimeProvider time, int maxRetriesWithoutResponse = int.MaxValue, TimeSpan? maxWait = null)
    {
        var strategy = retry.Mode == RetryMode.Fixed
            ? DelayStrategy.CreateFixedDelayStrategy(retry.Delay)
            : DelayStrategy.CreateExponentialDelayStrategy(retry.Delay, retry.MaxDelay);
        return new TimeProviderRetryPolicy(retry.MaxRetries, strategy, time, maxRetriesWithoutResponse, maxWait);
    }

    /// <inheritdoc />
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        List<Exception>? failures = null;
        while (true)
        {
            Exception? failure = null;
            await OnSendingRequestAsync(message).ConfigureAwait(false);
            try
            {
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                (failures ??= []).Add(e);
                failure = e;
            }

            await OnRequestSentAsync(message).ConfigureAwait(false);
            var retry = (failure is not null || (message.HasResponse && message.ResponseClassifier.IsErrorResponse(message)))
                && MayRetry(failure, failures)
                && await ShouldRetryAsync(message, failure).ConfigureAwait(false);
            if (retry && NextDelay(message) is var delay && delay <= _maxWait)
            {
                await Task.Delay(delay, _time, message.CancellationToken).ConfigureAwait(false);
                PrepareRetry(message);
                continue;
            }

            ThrowIfFailed(failure, failures);
            return;
        }
    }

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        List<Exception>? failures = null;
        while (true)
        {
            Exception? failure = null;
            OnSendingRequest(message);
            try
            {
                ProcessNext(message, pipeline);
            }
            catch (Exception e)
            {
                (failures ??= []).Add(e);
                failure = e;
            }

            OnRequestSent(message);
            var retry = (failure is not null || (message.HasResponse && message.ResponseClassifier.IsErrorResponse(message)))
                && MayRetry(failure, failures)
                && ShouldRetry(message, failure);
            if (retry && NextDelay(message) is var delay && delay <= _maxWait)
            {
                Task.Delay(delay, _time, message.CancellationToken).GetAwaiter().GetResult();
                PrepareRetry(message);
                continue;
            }

            ThrowIfFailed(failure, failures);
            return;
        }
    }

    /// <summary>False for a TLS failure, and once the tries without an answer have used their own budget.</summary>
    private bool MayRetry(Exception? failure, List<Exception>? failures) =>
        failure is null
        || (TransportFailure.Classify(failure) != TransportFailureKind.Tls && failures!.Count <= _maxRetriesWithoutResponse);

    private TimeSpan NextDelay(HttpMessage message) =>
        _delayStrategy.GetNextDelay(message.HasResponse ? message.Response : null, message.ProcessingContext.RetryNumber + 1);

    private static void PrepareRetry(HttpMessage message)
    {
        if (message.HasResponse)
        {
            // Free the connection of the answer we are not going to read.
            message.Response.ContentStream?.Dispose();
        }

        // The context is a view of the message: setting its retry number sets the message's.
        var context = message.ProcessingContext;
        context.RetryNumber++;
    }

    private static void ThrowIfFailed(Exception? failure, List<Exception>? failures)
    {
        if (failure is null)
        {
            return;
        }

        if (failures!.Count == 1)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        throw new AggregateException($"Retry failed after {failures.Count} tries.", failures);
    }
}
