import { FakeServer, requestId, type FakeReply, type ServiceError } from './server';

/** A log event as a test puts it in a group. */
export interface FakeLogEvent {
  readonly logStreamName: string;
  readonly timestamp: number;
  readonly message: string;
}

/** Events per FilterLogEvents page: small, so the client's paging is exercised. */
const PAGE_SIZE = 2;
const TARGET_PREFIX = 'Logs_20140328.';

/**
 * CloudWatch Logs over AWS JSON 1.1: POST / with `X-Amz-Target: Logs_20140328.<Operation>`, JSON in and out.
 * - FilterLogEvents (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html):
 *   request logGroupName, logStreamNames, startTime, endTime (ms, "Events with a timestamp later than this time
 *   are not returned"), filterPattern, nextToken; response `events` (logStreamName, timestamp, message,
 *   ingestionTime, eventId) and `nextToken` while more pages follow. Filter patterns: quoted terms must appear as
 *   written, unquoted terms each appear (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html).
 *   An unknown group is `ResourceNotFoundException` "The specified log group does not exist."
 * - StartLiveTail is not implemented (it is an HTTP/2 event stream on a `stream-` host): the client falls back.
 * - Errors: HTTP 400 with `{"__type": "<code>", "message": "..."}` ("Common Errors",
 *   https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/CommonErrors.html).
 */
export class FakeLogs {
  /** Log groups by name; `append` makes an event arrive. */
  readonly groups: Map<string, FakeLogEvent[]>;
  readonly server = new FakeServer(
    (req) => String(req.headers['x-amz-target'] ?? '').replace(TARGET_PREFIX, ''),
    (_req, body, operation) => this.handle(operation, JSON.parse(body.toString('utf8') || '{}')),
    (body) => JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>,
  );

  constructor(groups: Record<string, FakeLogEvent[]> = {}) {
    this.groups = new Map(Object.entries(groups));
  }

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  get url(): string {
    return this.server.url;
  }

  append(group: string, event: FakeLogEvent): void {
    this.groups.set(group, [...(this.groups.get(group) ?? []), event]);
  }

  /** The next calls fail as CloudWatch Logs answers an error. */
  reject(error: ServiceError): void {
    const { operation, times, status, code, message } = error;
    this.server.fail({ operation, times, reply: reply(status, { __type: code, message }) });
  }

  private handle(operation: string, input: Record<string, unknown>): FakeReply {
    if (operation !== 'FilterLogEvents')
      return reply(400, { __type: 'UnknownOperationException', message: `${operation} is not supported here` });
    const events = this.groups.get(String(input.logGroupName));
    if (!events)
      return reply(400, { __type: 'ResourceNotFoundException', message: 'The specified log group does not exist.' });
    const streams = input.logStreamNames as string[] | undefined;
    const terms = patternTerms(String(input.filterPattern ?? ''));
    const matching = events
      .map((e, index) => ({ ...e, eventId: eventIdOf(e, index) }))
      .filter(
        (e) =>
          (input.startTime === undefined || e.timestamp >= Number(input.startTime)) &&
          (input.endTime === undefined || e.timestamp <= Number(input.endTime)) &&
          (!streams || streams.includes(e.logStreamName)) &&
          terms.every((t) => e.message.includes(t)),
      )
      .sort((a, b) => a.timestamp - b.timestamp);
    const from = Number(input.nextToken ?? 0);
    const page = matching.slice(from, from + PAGE_SIZE).map((e) => ({ ...e, ingestionTime: e.timestamp }));
    return reply(200, {
      events: page,
      searchedLogStreams: [],
      ...(from + PAGE_SIZE < matching.length ? { nextToken: String(from + PAGE_SIZE) } : {}),
    });
  }
}

function reply(status: number, json: unknown): FakeReply {
  return {
    status,
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': requestId() },
    body: JSON.stringify(json),
  };
}

/** An ID that stays the same for the same event across polls, as CloudWatch Logs' eventId does. */
function eventIdOf(event: FakeLogEvent, index: number): string {
  return `${event.timestamp}${String(index).padStart(8, '0')}`;
}

function patternTerms(pattern: string): string[] {
  return [...pattern.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}
