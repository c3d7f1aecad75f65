import { spawn, type ChildProcess } from 'child_process';
import { randomBytes, randomUUID } from 'crypto';
import { invocationCostUsd } from './cost';
import { LAMBDA_LIMITS, LATEST_VERSION, LOCAL_ACCOUNT_ID } from './limits';
import { LogCollector } from './log-collector';
import { killGroup, sampleMemory, trackGroup } from './process-tree';
import { endLine, reportLine, startLine, timeoutMessage } from './report';
import { RuntimeApiServer, type InitError, type RuntimeOutcome } from './runtime-api';
import type { InvocationResult, InvokeOptions, LaunchPlan, LocalFunction } from './types';

/** How often memory is sampled while a handler runs: often enough to catch a leak before it swamps the machine. */
const MEMORY_POLL_MS = 50;

type Ending =
  | RuntimeOutcome
  | { readonly kind: 'exit'; readonly code: number | null; readonly signal: NodeJS.Signals | null }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'init-timeout' }
  | { readonly kind: 'out-of-memory' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'init-error'; readonly error: InitError };

/**
 * One Lambda execution environment on this machine: a runtime process in its own process group, talking to
 * its own Runtime API server. It stays warm between invocations and is thrown away after a timeout, a crash
 * or an out-of-memory kill, as Lambda does.
 */
export class FunctionSandbox {
  private child: ChildProcess | undefined;
  private server: RuntimeApiServer | undefined;
  private exited: Promise<Ending> | undefined;
  private collector: LogCollector | undefined;
  private pendingOutput = '';
  private busy = false;
  /** Highest resident memory seen in this environment, MB (Lambda reports the environment's peak). */
  private peakMb = 0;
  /** Lambda's log stream name for this environment: date, version, and an ID of its own. */
  private readonly logStream =
    `${new Date().toISOString().slice(0, 10).replace(/-/g, '/')}/[${LATEST_VERSION}]` +
    `${randomBytes(16).toString('hex')}`;

  constructor(
    readonly fn: LocalFunction,
    private readonly plan: LaunchPlan,
  ) {}

  get warm(): boolean {
    return this.child !== undefined;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get functionArn(): string {
    return `arn:aws:lambda:${this.fn.region}:${LOCAL_ACCOUNT_ID}:function:${this.fn.functionName}`;
  }

  async invoke(payload: Buffer, options: InvokeOptions = {}): Promise<InvocationResult> {
    if (this.busy) throw new Error(`${this.fn.logicalId} is already running an invocation.`);
    this.busy = true;
    const log = (this.collector = new LogCollector(options.onLog));
    log.write(this.pendingOutput);
    this.pendingOutput = '';
    const requestId = randomUUID();
    const started = performance.now();
    try {
      let initDurationMs: number | undefined;
      if (!this.child) {
        const init = await this.initialize(log, options.signal);
        if ('ending' in init)
          return await this.finish(requestId, init.ending, started, started, init.initDurationMs, log);
        initDurationMs = init.initDurationMs;
      }
      log.write(startLine(requestId, LATEST_VERSION));
      let deliveredAt = performance.now();
      const ending = await this.run(requestId, payload, options, () => (deliveredAt = performance.now()));
      return await this.finish(requestId, ending, deliveredAt, started, initDurationMs, log);
    } finally {
      this.collector = undefined;
      this.busy = false;
    }
  }

  async dispose(): Promise<void> {
    killGroup(this.child?.pid);
    this.child = undefined;
    const server = this.server;
    this.server = undefined;
    await server?.close();
  }

  private async initialize(
    log: LogCollector,
    signal: AbortSignal | undefined,
  ): Promise<{ initDurationMs: number } | { ending: Ending; initDurationMs: number }> {
    const spawnedAt = performance.now();
    const server = (this.server = new RuntimeApiServer());
    const address = await server.start();
    if (this.plan.warning) log.write(`WARNING ${this.plan.warning}\n`);
    log.write(`INIT_START ${this.plan.description}\n`);
    const firstNext = new Promise<void>((resolve) => server.onNext(() => resolve()));
    const initError = new Promise<Ending>((resolve) =>
      server.onInitError((error) => resolve({ kind: 'init-error', error })),
    );
    this.spawn(address);
    const ready = await race<Ending | 'ready'>(
      [firstNext.then(() => 'ready' as const), initError, this.exited as Promise<Ending>],
      // Under a debugger (timeout 0) the user may pause during init for as long as they like.
      this.fn.timeoutSeconds > 0 ? LAMBDA_LIMITS.initTimeoutMs : 0,
      { kind: 'init-timeout' },
      signal,
    );
    const initDurationMs = performance.now() - spawnedAt;
    if (ready === 'ready') return { initDurationMs };
    // After an init error the runtime exits by itself; wait briefly so its last words reach the log.
    if (ready.kind === 'init-error') {
      // Measured while the runtime still runs, so the REPORT line says what the failed init used.
      this.notePeak();
      await race([this.exited as Promise<Ending>], 200, undefined, undefined);
    }
    const status = ready.kind === 'init-timeout' ? 'timeout' : 'error';
    const errorType = ready.kind === 'init-error' ? ` Error Type: ${ready.error.errorType ?? 'Runtime.Unknown'}` : '';
    log.write(
      `INIT_REPORT Init Duration: ${initDurationMs.toFixed(2)} ms\tPhase: init\tStatus: ${status}${errorType}\n`,
    );
    return { ending: ready, initDurationMs };
  }

  private spawn(runtimeApi: string): void {
    const child = spawn(this.plan.command, this.plan.args, {
      cwd: this.fn.codeDir,
      env: {
        ...this.plan.env,
        AWS_LAMBDA_RUNTIME_API: runtimeApi,
        AWS_LAMBDA_LOG_STREAM_NAME: this.logStream,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    this.child = child;
    trackGroup(child);
    const forward = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (this.collector) this.collector.write(text);
      else this.pendingOutput += text;
    };
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
    this.exited = new Promise<Ending>((resolve) => {
      child.once('error', (error) => {
        forward(Buffer.from(`Runtime.InvalidEntrypoint: cannot start ${this.plan.command}: ${error.message}\n`));
        resolve({ kind: 'exit', code: 127, signal: null });
      });
      // 'close' waits for stdout and stderr to drain, so a crash's last lines are in the log.
      child.once('close', (code, signal) => resolve({ kind: 'exit', code, signal }));
    });
    this.exited.then(() => {
      if (this.child === child) void this.dispose();
    });
  }

  private async run(
    requestId: string,
    payload: Buffer,
    options: InvokeOptions,
    onDelivered: () => void,
  ): Promise<Ending> {
    const server = this.server as RuntimeApiServer;
    let timer: NodeJS.Timeout | undefined;
    let poll: NodeJS.Timeout | undefined;
    let overLimit: (ending: Ending) => void = () => undefined;
    const limits = new Promise<Ending>((resolve) => (overLimit = resolve));
    // The clock starts when the runtime takes the event, as Lambda's deadline does.
    const delivered = () => {
      onDelivered();
      if (this.fn.timeoutSeconds > 0)
        timer = setTimeout(() => overLimit({ kind: 'timeout' }), this.fn.timeoutSeconds * 1000);
      poll = setInterval(() => {
        const memory = sampleMemory(this.child?.pid, this.plan.launcher);
        if (!memory) return;
        this.peakMb = Math.max(this.peakMb, memory.peakMb);
        if (memory.rssMb > this.fn.memorySizeMb) overLimit({ kind: 'out-of-memory' });
      }, MEMORY_POLL_MS);
    };
    const answer = server.invoke(
      {
        requestId,
        payload,
        functionArn: this.functionArn,
        timeoutMs: this.fn.timeoutSeconds * 1000,
        traceId:
          `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')};` +
          `Parent=${randomBytes(8).toString('hex')};Sampled=0`,
        clientContext: options.clientContext,
      },
      delivered,
    );
    try {
      return await race<Ending>([answer, limits, this.exited as Promise<Ending>], 0, undefined, options.signal);
    } finally {
      clearTimeout(timer);
      clearInterval(poll);
    }
  }

  private async finish(
    requestId: string,
    ending: Ending,
    from: number,
    started: number,
    initDurationMs: number | undefined,
    log: LogCollector,
  ): Promise<InvocationResult> {
    const now = performance.now();
    // Node's timers may fire a fraction of a millisecond early; a timed-out invocation ran the whole timeout.
    const measured = now - from;
    const durationMs =
      ending.kind === 'init-error' || ending.kind === 'init-timeout'
        ? 0
        : ending.kind === 'timeout'
          ? Math.max(measured, this.fn.timeoutSeconds * 1000)
          : measured;
    this.notePeak();
    const { payload, functionError, fatal } = this.describe(requestId, ending);
    if (fatal) {
      this.server?.abandon();
      await this.dispose();
    }
    // Let output written just before the answer arrive before the log is closed.
    await new Promise((resolve) => setImmediate(resolve));
    if (ending.kind === 'timeout')
      log.write(`${new Date().toISOString()} ${requestId} ${timeoutMessage(this.fn.timeoutSeconds)}\n`);
    if (functionError && fatal && ending.kind !== 'timeout' && ending.kind !== 'init-error')
      log.write(`${functionError.errorMessage}\n${functionError.errorType}\n`);
    if (ending.kind === 'init-error' || ending.kind === 'init-timeout') log.write(startLine(requestId, LATEST_VERSION));
    log.write(endLine(requestId));
    // Since Aug 2025 Lambda bills the INIT phase of on-demand functions too (aws.amazon.com/lambda/pricing).
    const billedDurationMs = Math.ceil(durationMs + (initDurationMs ?? 0));
    const maxMemoryUsedMb = this.peakMb > 0 ? Math.ceil(this.peakMb) : undefined;
    log.write(
      reportLine({
        requestId,
        durationMs,
        billedDurationMs,
        memorySizeMb: this.fn.memorySizeMb,
        maxMemoryUsedMb,
        initDurationMs,
      }),
    );
    if (fatal) this.peakMb = 0;
    return {
      requestId,
      payload,
      functionError,
      logs: log.text,
      durationMs,
      billedDurationMs,
      memorySizeMb: this.fn.memorySizeMb,
      maxMemoryUsedMb,
      initDurationMs,
      cold: initDurationMs !== undefined,
      runtimeWarning: initDurationMs !== undefined ? this.plan.warning : undefined,
      costUsd: invocationCostUsd(billedDurationMs, this.fn.memorySizeMb, this.fn.architecture, this.fn.region),
      timedOut: ending.kind === 'timeout',
      totalMs: now - started,
    };
  }

  private notePeak(): void {
    const memory = sampleMemory(this.child?.pid, this.plan.launcher);
    if (memory) this.peakMb = Math.max(this.peakMb, memory.peakMb);
  }

  /** The caller's view of an ending: the payload Lambda would return, and whether the environment is lost. */
  private describe(
    requestId: string,
    ending: Ending,
  ): { payload: string; functionError?: InvocationResult['functionError']; fatal: boolean } {
    const runtimeError = (errorType: string, detail: string, fatal = true) => {
      const body = { errorType, errorMessage: `RequestId: ${requestId} Error: ${detail}` };
      return { payload: JSON.stringify(body), functionError: body, fatal };
    };
    switch (ending.kind) {
      case 'response':
        return { payload: ending.body.toString('utf8'), fatal: false };
      case 'error':
      case 'init-error': {
        const body = ending.kind === 'error' ? ending.body : ending.error.body;
        const headerType = ending.kind === 'error' ? ending.errorType : ending.error.errorType;
        const parsed = parseErrorBody(body);
        return {
          payload: body.toString('utf8'),
          functionError: {
            errorType: parsed.errorType ?? headerType ?? 'Unhandled',
            errorMessage: parsed.errorMessage ?? '',
          },
          fatal: ending.kind === 'init-error',
        };
      }
      case 'too-large': {
        const body = {
          errorType: 'Function.ResponseSizeTooLarge',
          errorMessage:
            `Response payload size exceeded maximum allowed payload size ` +
            `(${LAMBDA_LIMITS.responsePayloadBytes} bytes).`,
        };
        return { payload: JSON.stringify(body), functionError: body, fatal: false };
      }
      case 'timeout':
        return runtimeError('Sandbox.Timedout', timeoutMessage(this.fn.timeoutSeconds));
      case 'init-timeout':
        return runtimeError(
          'Sandbox.Timedout',
          `Init phase did not finish within ${LAMBDA_LIMITS.initTimeoutMs / 1000} seconds`,
        );
      case 'out-of-memory':
        return runtimeError(
          'Runtime.OutOfMemory',
          `Runtime exited with error: signal: killed (memory above ${this.fn.memorySizeMb} MB)`,
        );
      case 'cancelled':
        return runtimeError('Invocation.Cancelled', 'The invocation was cancelled');
      case 'exit':
        // Lambda's Node.js runtimes report a clean exit in the middle of an invocation (a promise that can
        // never settle, or process.exit(0)) as Runtime.NodeJsExit.
        return runtimeError(
          ending.code === 0 && this.fn.runtime.startsWith('nodejs') ? 'Runtime.NodeJsExit' : 'Runtime.ExitError',
          exitDetail(ending.code, ending.signal),
        );
    }
  }
}

function exitDetail(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal)
    return (
      `Runtime exited with error: ` +
      `signal: ${signal === 'SIGKILL' ? 'killed' : signal === 'SIGABRT' ? 'aborted (core dumped)' : signal}`
    );
  if (code === 0) return 'Runtime exited without providing a reason';
  return `Runtime exited with error: exit status ${code}`;
}

function parseErrorBody(body: Buffer): { errorType?: string; errorMessage?: string } {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errorType?: unknown; errorMessage?: unknown };
    return {
      errorType: typeof parsed.errorType === 'string' ? parsed.errorType : undefined,
      errorMessage: typeof parsed.errorMessage === 'string' ? parsed.errorMessage : undefined,
    };
  } catch {
    return {};
  }
}

/**
 * The first of several promises, or `fallback` after `ms` (0: no time limit), or a cancellation when the
 * signal aborts. Timers and listeners are removed whatever wins.
 */
function race<T>(
  promises: Promise<T>[],
  ms: number,
  fallback: T | undefined,
  signal: AbortSignal | undefined,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const extra: Promise<T>[] = [];
  if (ms > 0) extra.push(new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback as T), ms))));
  if (signal) {
    extra.push(
      new Promise<T>((resolve) => {
        onAbort = () => resolve({ kind: 'cancelled' } as T);
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      }),
    );
  }
  return Promise.race([...promises, ...extra]).finally(() => {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  });
}
