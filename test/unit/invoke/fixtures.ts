import * as fs from 'fs';
import * as http from 'http';
import { spawn, spawnSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import type { LocalFunction } from '../../../src/core/invoke';

/** A throwaway workspace with the given files (paths relative to it); removed by `cleanup`. */
export function workspace(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-invoke-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, { mode: name.endsWith('bootstrap') ? 0o755 : 0o644 });
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function fn(dir: string, overrides: Partial<LocalFunction>): LocalFunction {
  return {
    logicalId: 'TestFunction',
    functionName: 'test-function',
    runtime: 'nodejs22.x',
    handler: 'app.handler',
    codeDir: dir,
    workspaceDir: dir,
    memorySizeMb: 256,
    timeoutSeconds: 3,
    architecture: 'x86_64',
    environment: {},
    region: 'eu-west-1',
    ...overrides,
  };
}

/** Whether a process (or, with a negative pid, a process group) still exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitUntil(check: () => boolean, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

export const hasPython = (() => {
  try {
    return spawnSync('python3', ['-c', 'pass']).status === 0;
  } catch {
    return false;
  }
})();

export interface HttpAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** One HTTP request to a local server, answered as status, headers and body text. */
export function request(
  port: number | string,
  method: string,
  path: string,
  body?: string | Buffer,
  headers: http.OutgoingHttpHeaders = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Starts `call` (an expression using `inv`, a LocalInvoker) in a separate Node process and kills that process
 * with SIGKILL as soon as it has started an environment (before the runtime inside has even loaded: the
 * hardest case), returning the environment's pids, so a test can check that nothing outlives its parent.
 */
export async function pidsAfterParentKilled(call: string): Promise<number[]> {
  const script = [
    `require(${JSON.stringify(path.join(ROOT, 'scripts/register-ts.cjs'))});`,
    `const { LocalInvoker } = require(${JSON.stringify(path.join(ROOT, 'src/core/invoke/index.ts'))});`,
    'const inv = new LocalInvoker();',
    `${call};`,
    "const report = setInterval(() => { const p = inv.livePids(); if (p.length) { console.log('PIDS ' + " +
      "p.join(',')); clearInterval(report); } }, 1);",
  ].join('\n');
  const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const pids = await new Promise<number[]>((resolve) => {
    parent.stdout.on('data', (d: Buffer) => {
      const m = /PIDS ([\d,]+)/.exec(d.toString());
      if (m) resolve(m[1].split(',').map(Number));
    });
  });
  parent.kill('SIGKILL');
  return pids;
}

/**
 * A stub of CloudFormation's query API that answers DescribeStackResource in the documented XML, naming the
 * physical ID with `physical`; `seen` records each call as "Action StackName LogicalResourceId".
 */
export async function startCloudFormationStub(
  physical: (logicalId: string) => string,
): Promise<{ url: string; seen: string[]; close: () => void }> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const logicalId = form.get('LogicalResourceId') ?? '';
      seen.push(`${form.get('Action')} ${form.get('StackName')} ${logicalId}`);
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.end(
        [
          '<DescribeStackResourceResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">',
          '<DescribeStackResourceResult><StackResourceDetail>',
          `<StackName>${form.get('StackName')}</StackName><LogicalResourceId>${logicalId}</LogicalResourceId>`,
          `<PhysicalResourceId>${physical(logicalId)}</PhysicalResourceId>`,
          '<ResourceType>AWS::Lambda::Function</ResourceType><ResourceStatus>CREATE_COMPLETE</ResourceStatus>',
          '<LastUpdatedTimestamp>2026-01-01T00:00:00Z</LastUpdatedTimestamp>',
          '</StackResourceDetail></DescribeStackResourceResult>',
          '<ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>',
          '</DescribeStackResourceResponse>',
        ].join(''),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, seen, close: () => server.close() };
}
