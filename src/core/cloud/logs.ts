import { customEndpoint, type AwsConnection } from '../aws/connection';
import { logsClient, type CloudWatchLogs } from './clients';
import { AwsCallError, explainAwsError } from '../aws/errors';
import { loadAwsSdk, type AwsSdk } from '../aws/lazy-sdk';

export interface LogEvent {
  /** FilterLogEvents' ID; Live Tail's events have none. */
  readonly eventId?: string;
  readonly timestamp: number;
  readonly message: string;
  readonly logStreamName?: string;
}

/** Timing of tails and request-log waits. Named so tests can make them short and wait for events, not time. */
export interface LogTiming {
  /** Between two FilterLogEvents polls when Live Tail is not used. */
  readonly pollIntervalMs: number;
  /**
   * How far back each poll looks again: CloudWatch Logs may make an event searchable after later ones, so a poll
   * re-reads this window and drops what it has shown by event ID.
   */
  readonly ingestionLagMs: number;
}

export const DEFAULT_LOG_TIMING: LogTiming = { pollIntervalMs: 2_000, ingestionLagMs: 10_000 };

/** One page of FilterLogEvents (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html). */
interface FilterQuery {
  readonly logGroupName: string;
  readonly startTime: number;
  readonly endTime?: number;
  readonly filterPattern?: string;
  readonly logStreamNames?: string[];
}

async function filterAll(
  logs: CloudWatchLogs,
  sdk: AwsSdk,
  query: FilterQuery,
  signal?: AbortSignal,
): Promise<LogEvent[]> {
  const events: LogEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(new sdk.FilterLogEventsCommand({ ...query, nextToken }), { abortSignal: signal });
    for (const e of page.events ?? []) {
      if (e.timestamp === undefined || e.message === undefined) continue;
      events.push({
        timestamp: e.timestamp,
        message: e.message,
        ...(e.eventId ? { eventId: e.eventId } : {}),
        ...(e.logStreamName ? { logStreamName: e.logStreamName } : {}),
      });
    }
    nextToken = page.nextToken;
  } while (nextToken && !signal?.aborted);
  return events;
}

/** The events of a log group between two times, all pages read (the terminal's `logs` without `--follow`). */
export async function readLogs(query: {
  readonly target: AwsConnection;
  readonly logGroupName: string;
  readonly startTime: number;
  readonly endTime?: number;
  readonly sdk?: AwsSdk;
}): Promise<LogEvent[]> {
  const sdk = query.sdk ?? loadAwsSdk();
  const logs = logsClient(query.target, sdk);
  try {
    const { logGroupName, startTime, endTime } = query;
    return await filterAll(logs, sdk, { logGroupName, startTime, ...(endTime ? { endTime } : {}) });
  } catch (error) {
    throw new AwsCallError(explainAwsError(error, `reading ${query.logGroupName}`, query.target));
  } finally {
    logs.destroy();
  }
}

export interface TailRequest {
  readonly target: AwsConnection;
  readonly logGroupName: string;
  /** For Live Tail, which takes log groups by ARN; without it the tail polls. */
  readonly logGroupArn?: string;
  readonly startTime: number;
  readonly signal: AbortSignal;
  readonly onEvents: (events: readonly LogEvent[]) => void;
  /** Told how the tail reads (live or polling, and why it polls). */
  readonly onMode?: (mode: 'live' | 'polling', why?: string) => void;
  readonly timing?: LogTiming;
  readonly sdk?: AwsSdk;
}

/**
 * Follows a log group until `signal` aborts: CloudWatch Logs Live Tail (`StartLiveTail`, an event stream,
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_StartLiveTail.html) when it can start,
 * else FilterLogEvents every `pollIntervalMs` from the newest event seen (less the ingestion lag), each event shown
 * once by its ID. Credentials that are expired or denied stop the tail with an `AwsCallError`; a Live Tail that
 * cannot start for another reason (an endpoint without it, a policy that allows only FilterLogEvents) falls back
 * to polling and says why.
 */
export async function tailLogs(request: TailRequest): Promise<void> {
  const sdk = request.sdk ?? loadAwsSdk();
  const logs = logsClient(request.target, sdk);
  let newest = request.startTime;
  const deliver = (events: readonly LogEvent[]) => {
    if (events.length === 0) return;
    for (const e of events) newest = Math.max(newest, e.timestamp);
    request.onEvents(events);
  };
  try {
    if (request.logGroupArn) {
      const why = await liveTail(logs, sdk, request, request.logGroupArn, deliver);
      if (request.signal.aborted) return;
      request.onMode?.('polling', why);
    } else {
      request.onMode?.('polling', 'the log group ARN is not known');
    }
    await pollTail(logs, sdk, request, newest, deliver);
  } catch (error) {
    if (request.signal.aborted) return;
    throw new AwsCallError(explainAwsError(error, `tailing ${request.logGroupName}`, request.target));
  } finally {
    logs.destroy();
  }
}

/** Runs Live Tail until it ends; returns why it stopped (for the fallback's note), or throws a credential failure. */
async function liveTail(
  logs: CloudWatchLogs,
  sdk: AwsSdk,
  request: TailRequest,
  arn: string,
  deliver: (events: readonly LogEvent[]) => void,
): Promise<string> {
  try {
    const out = await logs.send(new sdk.StartLiveTailCommand({ logGroupIdentifiers: [arn] }), {
      abortSignal: request.signal,
    });
    request.onMode?.('live');
    for await (const message of out.responseStream ?? []) {
      const results = message.sessionUpdate?.sessionResults ?? [];
      deliver(
        results
          .filter((e) => e.timestamp !== undefined && e.message !== undefined)
          .map((e) => ({
            timestamp: e.timestamp!,
            message: e.message!,
            ...(e.logStreamName ? { logStreamName: e.logStreamName } : {}),
          })),
      );
    }
    return 'the Live Tail session ended';
  } catch (error) {
    if (request.signal.aborted) return 'stopped';
    const problem = explainAwsError(error, 'Live Tail', request.target);
    if (problem.kind === 'expired-credentials' || problem.kind === 'no-credentials') throw error;
    // StartLiveTail goes to the service's "stream-" host (the SDK prefixes the endpoint's host name), which a
    // custom endpoint such as LocalStack's does not answer; the endpoint itself still serves FilterLogEvents.
    const endpoint = customEndpoint(request.target, 'logs');
    if (endpoint && problem.kind === 'network')
      return (
        `Live Tail's streaming host is not reachable through the custom endpoint ${endpoint}, ` + 'so the log is polled'
      );
    return `Live Tail is not available here (${problem.message})`;
  }
}

async function pollTail(
  logs: CloudWatchLogs,
  sdk: AwsSdk,
  request: TailRequest,
  from: number,
  deliver: (events: readonly LogEvent[]) => void,
): Promise<void> {
  const timing = request.timing ?? DEFAULT_LOG_TIMING;
  /** Event IDs shown, with their time, kept for the re-read window only. */
  const shown = new Map<string, number>();
  let newest = from;
  while (!request.signal.aborted) {
    const startTime = Math.max(from, newest - timing.ingestionLagMs);
    const events = await filterAll(logs, sdk, { logGroupName: request.logGroupName, startTime }, request.signal);
    const fresh = events.filter((e) => !e.eventId || !shown.has(e.eventId));
    for (const e of fresh) {
      if (e.eventId) shown.set(e.eventId, e.timestamp);
      newest = Math.max(newest, e.timestamp);
    }
    for (const [id, at] of shown) if (at < startTime) shown.delete(id);
    deliver(fresh.sort((a, b) => a.timestamp - b.timestamp));
    await sleep(timing.pollIntervalMs, request.signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

export interface RequestLogQuery {
  readonly target: AwsConnection;
  readonly logGroupName: string;
  readonly requestId: string;
  /** When the invocation started (ms), less any clock skew: where the search begins. */
  readonly since: number;
  /** How long to wait for the REPORT line, which CloudWatch Logs may make searchable seconds later. */
  readonly waitMs: number;
  readonly timing?: LogTiming;
  readonly signal?: AbortSignal;
  readonly sdk?: AwsSdk;
}

export interface RequestLog {
  readonly events: readonly LogEvent[];
  /** False when the REPORT line did not arrive within the wait: the log may still grow. */
  readonly complete: boolean;
}

/** Lambda's own lines for a request: `START RequestId: <id>`, `END RequestId: <id>`, `REPORT RequestId: <id>`. */
const lambdaLine = (word: 'START' | 'REPORT', requestId: string) => `${word} RequestId: ${requestId}`;

/**
 * The whole log of one invocation, START to REPORT: Lambda's START and REPORT lines name the request ID, and an
 * execution environment (one log stream) runs one request at a time, so every line of that stream between them
 * is the request's, `print` lines without the ID included. Found with FilterLogEvents, first by the ID as a
 * quoted term ("Filter pattern syntax", https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html),
 * then by the stream and the time between them.
 */
export async function requestLog(query: RequestLogQuery): Promise<RequestLog> {
  const sdk = query.sdk ?? loadAwsSdk();
  const logs = logsClient(query.target, sdk);
  const timing = query.timing ?? DEFAULT_LOG_TIMING;
  const deadline = Date.now() + query.waitMs;
  try {
    for (;;) {
      const marks = await filterAll(
        logs,
        sdk,
        { logGroupName: query.logGroupName, startTime: query.since, filterPattern: `"${query.requestId}"` },
        query.signal,
      );
      const start = marks.find((e) => e.message.startsWith(lambdaLine('START', query.requestId)));
      const report = marks.find((e) => e.message.startsWith(lambdaLine('REPORT', query.requestId)));
      const done = start && report;
      if (done || Date.now() >= deadline || query.signal?.aborted) {
        if (!start?.logStreamName) return { events: marks, complete: false };
        const stream = await filterAll(
          logs,
          sdk,
          {
            logGroupName: query.logGroupName,
            logStreamNames: [start.logStreamName],
            startTime: start.timestamp,
            ...(report ? { endTime: report.timestamp + 1 } : {}),
          },
          query.signal,
        );
        const first = stream.findIndex((e) => e.message.startsWith(lambdaLine('START', query.requestId)));
        const last = stream.findIndex((e) => e.message.startsWith(lambdaLine('REPORT', query.requestId)));
        return {
          events: stream.slice(Math.max(first, 0), last >= 0 ? last + 1 : undefined),
          complete: Boolean(report),
        };
      }
      await sleep(timing.pollIntervalMs, query.signal ?? new AbortController().signal);
    }
  } catch (error) {
    throw new AwsCallError(explainAwsError(error, `reading the log of request ${query.requestId}`, query.target));
  } finally {
    logs.destroy();
  }
}
