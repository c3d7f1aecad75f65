import { strict as assert } from 'assert';
import { AwsCallError } from '../../../src/core/aws/errors';
import { presentLogEvent } from '../../../src/core/cloud/log-lines';
import { requestLog, tailLogs, type LogEvent } from '../../../src/core/cloud/logs';
import { FakeLogs } from '../../fakes/aws';
import { useTestCredentials } from './aws-env';
import { ACCOUNT, REGION } from './fixtures';

const GROUP = '/aws/lambda/orders-service-CreateOrderFunction-AbC123';
const STREAM_A = '2026/01/01/[$LATEST]aaaa';
const STREAM_B = '2026/01/01/[$LATEST]bbbb';
const T0 = Date.parse('2026-01-01T10:00:00Z');
/** Short waits: tests wait for events to arrive, never for a time to pass. */
const FAST = { pollIntervalMs: 5, ingestionLagMs: 10_000 };

describe('cloud: function logs (real SDK against a local CloudWatch Logs)', () => {
  useTestCredentials();
  let logs: FakeLogs;
  const target = () => ({ region: REGION, endpoints: { logs: logs.url } });
  beforeEach(async () => {
    logs = await new FakeLogs({
      [GROUP]: [
        { logStreamName: STREAM_A, timestamp: T0, message: 'START RequestId: r-1 Version: $LATEST\n' },
        { logStreamName: STREAM_A, timestamp: T0 + 1, message: '2026-01-01T10:00:00.001Z\tr-1\tINFO\tcreating\n' },
        { logStreamName: STREAM_B, timestamp: T0 + 2, message: 'START RequestId: r-2 Version: $LATEST\n' },
        { logStreamName: STREAM_A, timestamp: T0 + 3, message: 'printed without an id\n' },
        { logStreamName: STREAM_B, timestamp: T0 + 4, message: '2026-01-01T10:00:00.004Z\tr-2\tINFO\tother\n' },
        { logStreamName: STREAM_A, timestamp: T0 + 5, message: 'END RequestId: r-1\n' },
        {
          logStreamName: STREAM_A,
          timestamp: T0 + 6,
          message: 'REPORT RequestId: r-1\tDuration: 12.00 ms\tBilled Duration: 12 ms\n',
        },
        { logStreamName: STREAM_A, timestamp: T0 + 9, message: 'START RequestId: r-3 Version: $LATEST\n' },
      ],
    }).start();
  });
  afterEach(() => logs.server.close());

  it("reads one request's whole log, START to REPORT, print lines included and other requests left out", async () => {
    const log = await requestLog({ target: target(), logGroupName: GROUP, requestId: 'r-1', since: T0, waitMs: 0 });
    assert.equal(log.complete, true);
    assert.deepEqual(
      log.events.map((e) => e.message.trimEnd()),
      [
        'START RequestId: r-1 Version: $LATEST',
        '2026-01-01T10:00:00.001Z\tr-1\tINFO\tcreating',
        'printed without an id',
        'END RequestId: r-1',
        'REPORT RequestId: r-1\tDuration: 12.00 ms\tBilled Duration: 12 ms',
      ],
    );
    const searches = logs.server.seen.map((s) => s.input);
    assert.equal(searches[0].filterPattern, '"r-1"');
    assert.deepEqual(searches.at(-1)?.logStreamNames, [STREAM_A]);
  });

  it('waits for the REPORT line that arrives after the invocation returned', async () => {
    const pending = requestLog({
      target: target(),
      logGroupName: GROUP,
      requestId: 'r-3',
      since: T0,
      waitMs: 60_000,
      timing: FAST,
    });
    await until(() => logs.server.seen.length >= 2);
    logs.append(GROUP, { logStreamName: STREAM_A, timestamp: T0 + 10, message: 'late line\n' });
    logs.append(GROUP, {
      logStreamName: STREAM_A,
      timestamp: T0 + 11,
      message: 'REPORT RequestId: r-3\tDuration: 1 ms\n',
    });
    const log = await pending;
    assert.equal(log.complete, true);
    assert.deepEqual(
      log.events.map((e) => e.message.trimEnd()),
      ['START RequestId: r-3 Version: $LATEST', 'late line', 'REPORT RequestId: r-3\tDuration: 1 ms'],
    );
  });

  it('tails: shows what is there, then each new event once as it arrives; falls back to polling', async () => {
    const seen: LogEvent[] = [];
    const modes: string[] = [];
    const controller = new AbortController();
    const tail = tailLogs({
      target: target(),
      logGroupName: GROUP,
      logGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${GROUP}`,
      startTime: T0 + 5,
      signal: controller.signal,
      timing: FAST,
      onEvents: (events) => seen.push(...events),
      onMode: (mode, why) => modes.push(`${mode}${why ? `: ${why}` : ''}`),
    });
    await until(() => seen.length === 3);
    logs.append(GROUP, {
      logStreamName: STREAM_B,
      timestamp: T0 + 20,
      message: '{"level":"ERROR","message":"boom","orderId":7}\n',
    });
    await until(() => seen.length === 4);
    const polls = logs.server.seen.length;
    await until(() => logs.server.seen.length > polls + 3);
    controller.abort();
    await tail;
    assert.deepEqual(
      seen.map((e) => e.message.trimEnd()),
      [
        'END RequestId: r-1',
        'REPORT RequestId: r-1\tDuration: 12.00 ms\tBilled Duration: 12 ms',
        'START RequestId: r-3 Version: $LATEST',
        '{"level":"ERROR","message":"boom","orderId":7}',
      ],
    );
    // The fake has no Live Tail (an event stream on the service's "stream-" host, which does not resolve for a
    // loopback endpoint): the tail says so and polls.
    assert.deepEqual(modes, [
      `polling: Live Tail's streaming host is not reachable through the custom endpoint ${logs.url}, ` +
        'so the log is polled',
    ]);
    assert.ok(logs.server.seen.every((s) => s.operation === 'FilterLogEvents'));
    assert.ok(logs.server.seen.every((s) => Number(s.input.startTime) >= T0 + 5));
    const pretty = presentLogEvent(seen[3]);
    assert.equal(pretty.level, 'error');
    assert.equal(pretty.json, '{\n  "level": "ERROR",\n  "message": "boom",\n  "orderId": 7\n}');
  });

  it('keeps polling through throttling and stops with a clear message when the credentials expire', async () => {
    logs.reject({ code: 'ThrottlingException', message: 'Rate exceeded', status: 400, times: 2 });
    const seen: LogEvent[] = [];
    const controller = new AbortController();
    const tail = tailLogs({
      target: { ...target(), profile: 'dev' },
      logGroupName: GROUP,
      startTime: T0 + 9,
      signal: controller.signal,
      timing: FAST,
      onEvents: (events) => seen.push(...events),
    });
    await until(() => seen.length === 1);
    assert.equal(logs.server.seen.filter((s) => s.operation === 'FilterLogEvents').length, 3);
    logs.reject({
      code: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
      status: 400,
      times: 10,
    });
    await assert.rejects(tail, (error: AwsCallError) => {
      assert.equal(error.problem.kind, 'expired-credentials');
      assert.match(error.message, /^Tailing \/aws\/lambda\/orders-service-CreateOrderFunction-AbC123: the credentials/);
      return true;
    });
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
}
