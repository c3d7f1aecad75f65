import * as cloud from '../core/cloud';
import type { AwsConnection, LogEvent } from '../core/cloud';
import { choice, EXIT, givenInputsOf, INPUT_USAGE, parseArgs, readTemplate, UsageError } from './io';

export const LOGS_USAGE =
  `serverless-workbench logs <template> <LogicalId> [--follow] [--since 10m] [--profile p] [--stack-name s] ` +
  `[--format text|json] ${INPUT_USAGE}`;

/** `--since` units, as `sam logs` and `serverless logs` take them: `30s`, `10m`, `2h`, `1d`. */
const SINCE_UNITS_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DEFAULT_SINCE = '10m';

export function sinceMs(text: string): number {
  const m = /^(\d+)([smhd])$/.exec(text);
  if (!m) throw new UsageError(`--since must be a number and a unit (s, m, h, d), such as 10m, not ${text}`);
  return Number(m[1]) * SINCE_UNITS_MS[m[2]];
}

/**
 * `logs`: a deployed function's log events since a time, or followed (`--follow`, Live Tail or polling) until
 * Ctrl+C. The function is found in the template's stack (samconfig's `stack_name`, the framework's
 * `<service>-<stage>`, or `--stack-name`), with the profile and Region of `invoke --remote`.
 */
export async function logsCommand(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const { positionals, flags } = parseArgs(argv, ['follow']);
  const format = choice(flags.get('format'), ['text', 'json'] as const, 'text', 'format');
  if (positionals.length !== 2) throw new UsageError(`usage: ${LOGS_USAGE}`);
  const [templatePath, logicalId] = positionals;
  const since = sinceMs(String(flags.get('since') ?? DEFAULT_SINCE));
  const { template, inputs } = readTemplate(templatePath, givenInputsOf(flags));
  const stackFlag = flags.get('stack-name');
  const name = cloud.stackNameOf(
    template,
    inputs.resolution,
    typeof stackFlag === 'string' ? { value: stackFlag, origin: '--stack-name' } : undefined,
  );
  if ('missing' in name)
    throw new UsageError(name.missing.replace('set serverlessWorkbench.cloud.stackName', 'pass --stack-name'));
  const profile = (flags.get('profile') as string | undefined) ?? inputs.samconfig?.profile?.value;
  const target: AwsConnection = {
    region: inputs.resolution.region?.value ?? template.serverless?.region ?? cloud.DEFAULT_REGION,
    ...(profile ? { profile } : {}),
  };
  const print = (events: readonly LogEvent[]) => {
    for (const e of events) {
      const line = cloud.presentLogEvent(e);
      out(format === 'json' ? JSON.stringify(line) : `${new Date(e.timestamp).toISOString()}  ${line.text}`);
    }
  };
  try {
    const read = await cloud.readDeployedStack(target, name.value);
    if (!read.exists) throw new UsageError(`stack ${name.value} (${name.origin}) does not exist in ${target.region}`);
    const fn = cloud.deployedFunction(template, logicalId, read.stack);
    if ('missing' in fn) throw new UsageError(fn.missing);
    process.stderr.write(`${fn.logGroupName} (${fn.logGroupOrigin}) in ${target.region}\n`);
    const startTime = Date.now() - since;
    if (!flags.get('follow')) {
      print(await cloud.readLogs({ target, logGroupName: fn.logGroupName, startTime }));
      return EXIT.ok;
    }
    const stop = new AbortController();
    process.once('SIGINT', () => stop.abort());
    await cloud.tailLogs({
      target,
      logGroupName: fn.logGroupName,
      ...(fn.logGroupArn ? { logGroupArn: fn.logGroupArn } : {}),
      startTime,
      signal: stop.signal,
      onEvents: print,
      onMode: (mode, why) =>
        process.stderr.write(`${mode === 'live' ? 'Live Tail' : 'polling'}${why ? `: ${why}` : ''}\n`),
    });
    return EXIT.ok;
  } catch (error) {
    const problem = (error as { problem?: cloud.AwsProblem }).problem;
    if (problem) throw new UsageError(cloud.describeAwsProblem(problem));
    throw error;
  }
}
