import type { LocalCredentials } from './credentials';

/** A function ready to run on this machine: the template's settings resolved to plain values. */
export interface LocalFunction {
  readonly logicalId: string;
  /** The name Lambda would know it by (`FunctionName`, the framework's name, or the logical ID). */
  readonly functionName: string;
  readonly runtime: string;
  readonly handler: string;
  /** Absolute code folder (SAM `CodeUri`, the Serverless service folder). */
  readonly codeDir: string;
  /** Absolute folder holding `.serverless-workbench/` (events, overrides, compiled TypeScript). */
  readonly workspaceDir: string;
  readonly memorySizeMb: number;
  /** Seconds; 0 turns the limit off (while debugging). */
  readonly timeoutSeconds: number;
  readonly architecture: 'x86_64' | 'arm64';
  /** The function's own variables after Globals, intrinsics and overrides. */
  readonly environment: Readonly<Record<string, string>>;
  readonly region: string;
  /** From the chosen AWS profile; given to the function as Lambda gives its role's credentials. */
  readonly credentials?: LocalCredentials;
}

/** How to start a runtime process for a function. */
export interface LaunchPlan {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Shown on the INIT_START line: the Lambda runtime and what runs it here. */
  readonly description: string;
  /** The started process is our launcher; the function's memory is that of its children. */
  readonly launcher?: boolean;
  /** The interpreter is not the version the runtime declares: says both, and what to do. */
  readonly warning?: string;
}

export interface InvokeOptions {
  /** Receives the log as it is written, START to REPORT. */
  readonly onLog?: (text: string) => void;
  readonly signal?: AbortSignal;
  /** JSON text passed as `context.clientContext`. */
  readonly clientContext?: string;
}

export interface FunctionError {
  readonly errorType: string;
  readonly errorMessage: string;
}

export interface InvocationResult {
  readonly requestId: string;
  /** What the function returned (or the error document when it failed), as text. */
  readonly payload: string;
  readonly functionError?: FunctionError;
  readonly logs: string;
  readonly durationMs: number;
  readonly billedDurationMs: number;
  readonly memorySizeMb: number;
  readonly maxMemoryUsedMb: number | undefined;
  /** Set on a cold start only. */
  readonly initDurationMs: number | undefined;
  readonly cold: boolean;
  readonly costUsd: number;
  readonly timedOut: boolean;
  /** Set on a cold start that runs another interpreter version than the runtime declares. */
  readonly runtimeWarning?: string;
  /** Wall time of the whole call including our own overhead; what the benchmark measures. */
  readonly totalMs: number;
}
