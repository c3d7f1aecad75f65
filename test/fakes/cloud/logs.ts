import { credentialOf, startFake, takeError, type FakeServer, type InjectedError, type SeenRequest } from './http-fake';

/**
 * A CloudWatch Logs endpoint on 127.0.0.1 for the real SDK client, speaking AWS JSON 1.1: POST / with
 * `X-Amz-Target: Logs_20140328.<Operation>`, JSON in and out.
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
export interface FakeLogEvent {
  readonly logStreamName: string;
  readonly timestamp: number;
  readonly message: string;
}

export interface FakeLogs extends FakeServer {
  /** Log groups by name; push to a group's list to make an event arrive. */
  readonly groups: Map<string, FakeLogEvent[]>;
  append(group: string, event: FakeLogEvent): void;
}

/** Events per FilterLogEvents page: small, so the client's paging is exercised. */
const PAGE_SIZE = 2;

export async function startFakeLogs(groups: Record<string, FakeLogEvent[]> = {}): Promise<FakeLogs> {
  const state = new Map(Object.entries(groups));
  const seen: SeenRequest[] = [];
  const errors: InjectedError[] = [];
  const server = await startFake((req, body, res) => {
    const operation = String(req.headers['x-amz-target'] ?? '').replace(/^Logs_20140328\./, '');
    const input = (body ? JSON.parse(body) : {}) as Record<string, unknown>;
    seen.push({ operation, input, credential: credentialOf(req) });
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, {
        'Content-Type': 'application/x-amz-json-1.1',
        'x-amzn-RequestId': `fake-${seen.length}`,
      });
      res.end(JSON.stringify(json));
    };
    const injected = takeError(errors, operation);
    if (injected) return reply(injected.status, { __type: injected.code, message: injected.message });
    if (operation !== 'FilterLogEvents')
      return reply(400, { __type: 'UnknownOperationException', message: `${operation} is not supported here` });
    const events = state.get(String(input.logGroupName));
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
    reply(200, {
      events: page,
      searchedLogStreams: [],
      ...(from + PAGE_SIZE < matching.length ? { nextToken: String(from + PAGE_SIZE) } : {}),
    });
  });
  return {
    ...server,
    seen,
    errors,
    groups: state,
    append(group, event) {
      const list = state.get(group) ?? [];
      list.push(event);
      state.set(group, list);
    },
  };
}

/** An ID that stays the same for the same event across polls, as CloudWatch Logs' eventId does. */
function eventIdOf(event: FakeLogEvent, index: number): string {
  return `${event.timestamp}${String(index).padStart(8, '0')}`;
}

function patternTerms(pattern: string): string[] {
  return [...pattern.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}
