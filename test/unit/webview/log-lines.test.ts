import { strict as assert } from 'assert';
import { logLines } from '../../../src/webview/invoke/log-lines';

describe('invoke result log lines', () => {
  it("reads each runtime's level, keeps platform lines apart and pretty-prints JSON messages", () => {
    const logs = [
      'START RequestId: 6f1c Version: $LATEST',
      '2026-01-01T00:00:00.000Z\t6f1c-aa\tINFO\tcreating order',
      '2026-01-01T00:00:00.001Z\t6f1c-aa\tERROR\t{"message":"no stock","item":"book"}',
      '[WARNING]\t2026-01-01T00:00:00.002Z\t6f1c-aa\tslow query',
      '{"level":"DEBUG","msg":"structured"}',
      'Traceback (most recent call last):',
      'plain print',
      'END RequestId: 6f1c',
      'REPORT RequestId: 6f1c\tDuration: 12.00 ms\tBilled Duration: 13 ms',
      '',
    ].join('\n');
    assert.deepEqual(logLines(logs), [
      { level: 'platform', text: 'START RequestId: 6f1c Version: $LATEST', json: false },
      { level: 'info', text: 'creating order', json: false },
      { level: 'error', text: '{\n  "message": "no stock",\n  "item": "book"\n}', json: true },
      { level: 'warn', text: 'slow query', json: false },
      { level: 'debug', text: '{\n  "level": "DEBUG",\n  "msg": "structured"\n}', json: true },
      { level: 'error', text: 'Traceback (most recent call last):', json: false },
      { level: 'plain', text: 'plain print', json: false },
      { level: 'platform', text: 'END RequestId: 6f1c', json: false },
      { level: 'platform', text: 'REPORT RequestId: 6f1c\tDuration: 12.00 ms\tBilled Duration: 13 ms', json: false },
    ]);
  });

  it('keeps text that only looks like JSON as written', () => {
    assert.deepEqual(logLines('{not json}'), [{ level: 'plain', text: '{not json}', json: false }]);
  });
});
