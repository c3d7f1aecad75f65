import { EXIT, isUsageError } from './exit';

type Command = (argv: readonly string[], out: (text: string) => void) => number | Promise<number>;
interface CommandModule {
  run: Command;
  usage: string;
}

/**
 * Subcommands by name, each required only when named: `lint` loads no invoke, cost or server code. In the bundle
 * every command is a file of its own beside cli.js, compiled through V8's code cache (scripts/build.mjs: CLI_COMMANDS).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a subcommand's bundle is required only when it is named */
const COMMANDS: Record<string, () => CommandModule> = {
  tree: () => {
    const { treeCommand, TREE_USAGE } = require('./tree') as typeof import('./tree');
    return { run: treeCommand, usage: TREE_USAGE };
  },
  lint: () => {
    const { lintCommand, LINT_USAGE } = require('./lint') as typeof import('./lint');
    return { run: lintCommand, usage: LINT_USAGE };
  },
  invoke: () => {
    const { invokeCommand, INVOKE_USAGE } = require('./invoke') as typeof import('./invoke');
    return { run: invokeCommand, usage: INVOKE_USAGE };
  },
  serve: () => {
    const { serveCommand, SERVE_USAGE } = require('./serve') as typeof import('./serve');
    return { run: serveCommand, usage: SERVE_USAGE };
  },
  cost: () => {
    const { costCommand, COST_USAGE } = require('./cost') as typeof import('./cost');
    return { run: costCommand, usage: COST_USAGE };
  },
  init: () => {
    const { initCommand, INIT_USAGE } = require('./init') as typeof import('./init');
    return { run: initCommand, usage: INIT_USAGE };
  },
  deploy: () => {
    const { deployCommand, DEPLOY_USAGE } = require('./deploy') as typeof import('./deploy');
    return { run: deployCommand, usage: DEPLOY_USAGE };
  },
  sync: () => {
    const { syncCommand, SYNC_USAGE } = require('./deploy') as typeof import('./deploy');
    return { run: syncCommand, usage: SYNC_USAGE };
  },
  logs: () => {
    const { logsCommand, LOGS_USAGE } = require('./logs') as typeof import('./logs');
    return { run: logsCommand, usage: LOGS_USAGE };
  },
};
/* eslint-enable @typescript-eslint/no-require-imports */

function usage(): string {
  return ['Usage:', ...Object.values(COMMANDS).map((load) => `  ${load().usage}`)].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    process.stderr.write(`serverless-workbench: unknown command '${name}'\n${usage()}\n`);
    return EXIT.usage;
  }
  try {
    return await load().run(rest, (text) => process.stdout.write(`${text}\n`));
  } catch (error) {
    if (isUsageError(error)) {
      process.stderr.write(`serverless-workbench ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

if (
  require.main === module ||
  process.argv[1]?.endsWith('serverless-workbench.js') ||
  process.argv[1]?.endsWith('cli.js')
) {
  // A reader that stops early (`| head`) closes the pipe; the rest of the output has nowhere to go, which is no
  // error: the command finishes and exits with its own code, without a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`serverless-workbench: ${(error as Error).stack ?? error}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
