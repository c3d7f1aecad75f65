import * as path from 'path';
import { EXIT, givenInputsOf, INPUT_USAGE, parseArgs, UsageError } from './io';
import { cliSdkOptions, FETCH_SDK_FLAG, FETCH_SDK_USAGE, fetchSdkAllowed } from './runtime-sdk';

export const SERVE_USAGE =
  `serverless-workbench serve <template> [--port 3001] [--max-concurrency 10] ${FETCH_SDK_USAGE} ` + INPUT_USAGE;

/** sam local start-lambda's default port, so existing `--endpoint-url` scripts keep working. */
const DEFAULT_PORT = 3001;

/** `serve`: the Lambda Invoke API for a template's functions on 127.0.0.1 until interrupted. */
export async function serveCommand(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const { positionals, flags } = parseArgs(argv, [FETCH_SDK_FLAG]);
  if (positionals.length !== 1) throw new UsageError(`usage: ${SERVE_USAGE}`);
  const port = Number(flags.get('port') ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError('--port must be a number from 0 to 65535');
  const invoke = await import('../core/invoke');
  const maxConcurrency = Number(flags.get('max-concurrency') ?? invoke.DEFAULT_MAX_CONCURRENCY);
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1)
    throw new UsageError('--max-concurrency must be a whole number from 1');
  const templatePath = path.resolve(positionals[0]);
  const given = givenInputsOf(flags);
  const check = invoke.loadTarget(templatePath, '\0', { given });
  if (!check.ok && !check.notFound) throw new UsageError(check.message);
  const invoker = new invoke.LocalInvoker({ maxConcurrency });
  const server = new invoke.InvokeApiServer({
    invoker: new invoke.RuntimeSdkSession(invoker, cliSdkOptions(fetchSdkAllowed(flags), 'start the server again')),
    port,
    resolve: (name) => invoke.loadTarget(templatePath, name, { given }),
    onLog: (text) => process.stderr.write(text),
  });
  try {
    await server.start();
  } catch (error) {
    throw new UsageError(
      `cannot listen on 127.0.0.1:${port}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  out(`Local Lambda endpoint for ${positionals[0]} on http://127.0.0.1:${server.port}`);
  out(`  aws lambda invoke --endpoint-url http://127.0.0.1:${server.port} --function-name <LogicalId> out.json`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await invoker.dispose();
  return EXIT.ok;
}
