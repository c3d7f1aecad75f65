import { EXIT, UsageError } from './io';
import { lintCommand, LINT_USAGE } from './lint';
import { invokeCommand, INVOKE_USAGE } from './invoke';
import { serveCommand, SERVE_USAGE } from './serve';
import { costCommand, COST_USAGE } from './cost';
import { treeCommand, TREE_USAGE } from './tree';

type Command = (argv: readonly string[], out: (text: string) => void) => number | Promise<number>;

/** Subcommands by name; each lives in its own module. */
const COMMANDS: Record<string, { run: Command; usage: string }> = {
  tree: { run: treeCommand, usage: TREE_USAGE },
  lint: { run: lintCommand, usage: LINT_USAGE },
  invoke: { run: invokeCommand, usage: INVOKE_USAGE },
  serve: { run: serveCommand, usage: SERVE_USAGE },
  cost: { run: costCommand, usage: COST_USAGE },
};

function usage(): string {
  return ['Usage:', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`serverless-workbench: unknown command '${name}'\n${usage()}\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, (text) => process.stdout.write(`${text}\n`));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`serverless-workbench ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

if (require.main === module || process.argv[1]?.endsWith('serverless-workbench.js') || process.argv[1]?.endsWith('cli.js')) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error) => {
      process.stderr.write(`serverless-workbench: ${(error as Error).stack ?? error}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
