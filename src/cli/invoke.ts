import * as fs from 'fs';
import type { InvocationResult } from '../core/invoke';
import { invocationJson, settingLines, summaryLine, type ShownSettings } from '../core/invoke/present';
import type { GivenInputs } from '../core/load';
import { choice, EXIT, givenInputsOf, INPUT_USAGE, parseArgs, UsageError } from './io';
import { cliSdkOptions, FETCH_SDK_FLAG, FETCH_SDK_USAGE, fetchSdkAllowed } from './runtime-sdk';

export const INVOKE_USAGE =
  `serverless-workbench invoke <template> <LogicalId> [--event file|-] [--remote] [--profile p] [--stack s] ` +
  `[--env-vars env.json] ${FETCH_SDK_USAGE} ` +
  `[--format text|json] ${INPUT_USAGE}`;

function readEvent(
  source: string | undefined,
  checkEventText: (text: string, where: string) => { ok: true; text: string } | { ok: false; message: string },
): string {
  if (source === undefined) return '{}';
  let text: string;
  try {
    text = source === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(source, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read event ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const checked = checkEventText(text, source === '-' ? '<stdin>' : source);
  if (!checked.ok) throw new UsageError(checked.message);
  return checked.text;
}

/** `invoke`: runs one function locally (or in AWS with --remote) and exits 0 on success, 1 on a function error. */
export async function invokeCommand(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const { positionals, flags } = parseArgs(argv, ['remote', FETCH_SDK_FLAG]);
  const format = choice(flags.get('format'), ['text', 'json'] as const, 'text', 'format');
  if (positionals.length !== 2) throw new UsageError(`usage: ${INVOKE_USAGE}`);
  const [templatePath, name] = positionals;
  const invoke = await import('../core/invoke');
  const event = readEvent(flags.get('event') as string | undefined, invoke.checkEventText);
  const stack = flags.get('stack');
  const given: GivenInputs = {
    ...givenInputsOf(flags),
    ...(typeof stack === 'string' ? { stackName: { value: stack, origin: '--stack' } } : {}),
  };
  const { result, settings } = flags.get('remote')
    ? await runRemote(invoke, templatePath, name, event, flags, given, format === 'text')
    : await runLocal(invoke, templatePath, name, event, given, format === 'text', {
        profile: flags.get('profile') as string | undefined,
        envVarsFile: flags.get('env-vars') as string | undefined,
        fetchSdk: fetchSdkAllowed(flags),
      });
  if (format === 'json') out(JSON.stringify(invocationJson(result, settings), null, 2));
  else {
    out(prettyPayload(result.payload));
    if (result.functionError)
      process.stderr.write(`Function error: ${result.functionError.errorType}: ${result.functionError.errorMessage}\n`);
    if (!flags.get('remote') && invoke.failedForCredentials(result.functionError))
      process.stderr.write(`hint: ${invoke.NO_CREDENTIALS_HINT}\n`);
    process.stderr.write(`${summaryLine(result)}\n`);
  }
  return result.functionError ? EXIT.findings : EXIT.ok;
}

type InvokeModule = typeof import('../core/invoke');

/** What ran and the settings it ran with. */
interface Ran {
  readonly result: InvocationResult;
  readonly settings: ShownSettings;
}

/** In text form the settings are said before the run, on stderr with the logs, so stdout stays the payload. */
function say(settings: ShownSettings): void {
  for (const line of settingLines(settings)) process.stderr.write(`${line}\n`);
}

async function runLocal(
  invoke: InvokeModule,
  templatePath: string,
  name: string,
  event: string,
  given: GivenInputs,
  text: boolean,
  aws: { readonly profile?: string; readonly envVarsFile?: string; readonly fetchSdk: boolean },
): Promise<Ran> {
  // As sam local invoke --profile: the profile's credentials and Region reach the function as Lambda's variables.
  const profile = aws.profile;
  const target = invoke.loadTarget(templatePath, name, { given, envVarsFile: aws.envVarsFile, profile });
  if (!target.ok) throw new UsageError(target.message);
  let fn = target.fn;
  if (profile) {
    const found = await invoke.profileCredentials(profile);
    if (!found.ok) throw new UsageError(found.message);
    fn = { ...fn, credentials: found.credentials };
  }
  if (text) say(target.settings);
  for (const note of target.notes) process.stderr.write(`note: ${note}\n`);
  const invoker = new invoke.LocalInvoker();
  const interrupt = () => void invoker.dispose().then(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const result = await new invoke.RuntimeSdkSession(invoker, cliSdkOptions(aws.fetchSdk)).invoke(fn, event, {
      onLog: text ? (t) => process.stderr.write(t) : undefined,
    });
    // The text log already carries it as a WARNING line.
    if (!text && result.runtimeWarning) process.stderr.write(`warning: ${result.runtimeWarning}\n`);
    return { result, settings: target.settings };
  } finally {
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
    await invoker.dispose();
  }
}

async function runRemote(
  invoke: InvokeModule,
  templatePath: string,
  name: string,
  event: string,
  flags: Map<string, string | boolean>,
  given: GivenInputs,
  text: boolean,
): Promise<Ran> {
  const target = invoke.loadFunction(templatePath, name, given);
  if (!target.ok) throw new UsageError(target.message);
  const { resolution, samconfig } = target.inputs;
  try {
    const result = await invoke.invokeRemote({
      template: target.template,
      view: target.view,
      payload: event,
      region: resolution.region?.value ?? target.template.serverless?.region ?? invoke.DEFAULT_REGION,
      profile: (flags.get('profile') as string | undefined) ?? samconfig?.profile?.value,
      stackName: resolution.stackName?.value,
    });
    if (text) say(result.settings);
    return { result, settings: result.settings };
  } catch (error) {
    throw new UsageError(`remote invoke failed: ${(error as Error).message}`);
  }
}

function prettyPayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}
