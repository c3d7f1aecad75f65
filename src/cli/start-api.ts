import * as fs from 'fs';
import * as path from 'path';
import { EXIT, givenInputsOf, INPUT_USAGE, parseArgs, UsageError } from './io';
import { cliSdkOptions, FETCH_SDK_FLAG, FETCH_SDK_USAGE, fetchSdkAllowed } from './runtime-sdk';

export const START_API_USAGE =
  `serverless-workbench start-api <template> [--port 3000] [--host 127.0.0.1] ${FETCH_SDK_USAGE} ` + INPUT_USAGE;

/** sam local start-api's default port, so existing scripts and front ends keep their URL. */
const DEFAULT_PORT = 3000;
/** Editors write a file in several steps; one reload after they settle. */
const RELOAD_DEBOUNCE_MS = 100;

/**
 * `start-api`: the template's APIs and function URLs on a local HTTP server until interrupted. Handler code changes
 * take effect on the next request (the invoker restarts environments whose code changed); a template change reloads
 * the routes.
 */
export async function startApiCommand(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const { positionals, flags } = parseArgs(argv, [FETCH_SDK_FLAG]);
  if (positionals.length !== 1) throw new UsageError(`usage: ${START_API_USAGE}`);
  const port = Number(flags.get('port') ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError('--port must be a number from 0 to 65535');
  const host = flags.get('host');
  if (host === true || host === '') throw new UsageError('--host needs an address');
  const templatePath = path.resolve(positionals[0]);
  const invoke = await import('../core/invoke');
  const invoker = new invoke.LocalInvoker();
  const api = new invoke.LocalHttpApi({
    invoker: new invoke.RuntimeSdkSession(invoker, cliSdkOptions(fetchSdkAllowed(flags), 'start the server again')),
    templatePath,
    given: givenInputsOf(flags),
    port,
    host: host as string | undefined,
    onLog: (line) => process.stderr.write(`${line}\n`),
    onFunctionLog: (text) => process.stderr.write(text),
  });
  let started: Awaited<ReturnType<typeof api.start>>;
  try {
    started = await api.start();
  } catch (error) {
    await invoker.dispose();
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code ? `cannot listen on ${host ?? '127.0.0.1'}:${port}: ${code}` : (error as Error).message);
  }
  const table = api.table!;
  out(`Local API for ${positionals[0]} on ${started.url}`);
  for (const route of table.routes) {
    out(
      `  ${route.method.padEnd(7)} ${started.url}${route.path === '$default' ? '/*' : route.path} → ` +
        route.functionId,
    );
  }
  for (const mock of table.mockRoutes)
    out(`  ${mock.method.padEnd(7)} ${started.url}${mock.path} → mock ${mock.status}`);
  for (const url of started.functionUrls) out(`  function URL   ${url.url}/ → ${url.functionId}`);
  for (const socket of started.webSockets) for (const line of invoke.webSocketLines(socket, table)) out(`  ${line}`);
  for (const note of table.notes) out(`note: ${note}`);
  if (table.routes.length === 0 && started.functionUrls.length === 0 && started.webSockets.length === 0)
    out('note: the template has no API routes, function URLs or WebSocket APIs.');

  let timer: NodeJS.Timeout | undefined;
  const watcher = fs.watch(templatePath, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const reloaded = api.reload();
      process.stderr.write(
        reloaded.ok
          ? `template reloaded: ${reloaded.table.routes.length} routes\n`
          : `template not reloaded: ${reloaded.message}\n`,
      );
    }, RELOAD_DEBOUNCE_MS);
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearTimeout(timer);
  watcher.close();
  await api.close();
  await invoker.dispose();
  return EXIT.ok;
}
