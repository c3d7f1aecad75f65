/** The log lines Lambda prints around each invocation (Lambda developer guide, "Working with Lambda function logs"). */

export interface ReportFigures {
  readonly requestId: string;
  readonly durationMs: number;
  readonly billedDurationMs: number;
  readonly memorySizeMb: number;
  readonly maxMemoryUsedMb: number | undefined;
  readonly initDurationMs?: number;
}

export function startLine(requestId: string, version: string): string {
  return `START RequestId: ${requestId} Version: ${version}\n`;
}

export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}\n`;
}

export function reportLine(r: ReportFigures): string {
  const fields = [
    `REPORT RequestId: ${r.requestId}`,
    `Duration: ${r.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${r.billedDurationMs} ms`,
    `Memory Size: ${r.memorySizeMb} MB`,
  ];
  // Unknown when the runtime never ran (it could not start, or died before it could be measured).
  if (r.maxMemoryUsedMb !== undefined) fields.push(`Max Memory Used: ${r.maxMemoryUsedMb} MB`);
  if (r.initDurationMs !== undefined) fields.push(`Init Duration: ${r.initDurationMs.toFixed(2)} ms`);
  return `${fields.join('\t')}\t\n`;
}

/** Reads the figures back from a log (the tail AWS returns for a remote invocation). */
export function parseReportLine(log: string): ReportFigures | undefined {
  const line = /^REPORT RequestId: (\S+)(.*)$/m.exec(log);
  if (!line) return undefined;
  const field = (name: string) => {
    const m = new RegExp(`(?:^|\\t)${name}: ([\\d.]+)`).exec(line[2]);
    return m ? Number(m[1]) : undefined;
  };
  const durationMs = field('Duration');
  if (durationMs === undefined) return undefined;
  return {
    requestId: line[1],
    durationMs,
    billedDurationMs: field('Billed Duration') ?? Math.ceil(durationMs),
    memorySizeMb: field('Memory Size') ?? 0,
    maxMemoryUsedMb: field('Max Memory Used'),
    initDurationMs: field('Init Duration'),
  };
}

/** `Task timed out after 3.00 seconds`, Lambda's wording for a timeout. */
export function timeoutMessage(timeoutSeconds: number): string {
  return `Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
}
