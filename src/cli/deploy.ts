import * as readline from 'readline';
import * as Deploy from '../core/deploy';
import type { Template } from '../core/model/template';
import { choice, EXIT, givenInputsOf, parseArgs, readTemplate, UsageError } from './io';

const CONNECTION_USAGE = '[--config-env e] [--stack-name s] [--region r] [--profile p]';
export const DEPLOY_USAGE =
  `serverless-workbench deploy <template> ${CONNECTION_USAGE} [--parameter-overrides "A=1"] [--no-confirm] ` +
  `[--format text|json]`;
export const SYNC_USAGE = `serverless-workbench sync <template> [--function LogicalId] ${CONNECTION_USAGE}`;

/** The template and its deploy settings, from the command line and samconfig. */
function prepare(argv: readonly string[], core: typeof Deploy, booleans: string[] = []) {
  const { positionals, flags } = parseArgs(argv, booleans);
  if (positionals.length !== 1) throw new UsageError('name one template');
  const value = (name: string) => {
    const v = flags.get(name);
    if (v === true || v === '') throw new UsageError(`--${name} needs a value`);
    return v === undefined ? undefined : String(v);
  };
  const stackName = value('stack-name');
  const { template, inputs } = readTemplate(positionals[0], {
    ...givenInputsOf(flags),
    ...(stackName ? { stackName: { value: stackName, origin: '--stack-name' } } : {}),
  });
  const profile = value('profile');
  const config = core.deployConfigOf(
    inputs,
    { ...(stackName ? { stackName } : {}), ...(profile ? { profile } : {}) },
    template.kind === 'sam',
  );
  return { template, config, flags, value };
}

/** `deploy`: package, create a change set, show it, execute it once confirmed, follow the events. */
export async function deployCommand(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const core = Deploy;
  const { template, config, flags, value } = prepare(argv, core, ['no-confirm']);
  const format = choice(flags.get('format'), ['text', 'json'] as const, 'text', 'format');
  if (template.kind === 'serverless') return frameworkDeploy(core, template, value('stage'));
  if (!config.ok) throw new UsageError(config.problems.join('\n'));
  const err = (text: string) => process.stderr.write(`${text}\n`);
  const events: Deploy.StackEventRow[] = [];
  const outcome = await core.deploy(
    {
      template,
      config: config.config,
      loadChild: core.loadChildTemplate,
    },
    {
      progress: (message) => err(`${message}...`),
      confirm: async (changeSet) => {
        const table = core.changeSetTable(changeSet, template);
        (format === 'json' ? err : out)(table.join('\n'));
        if (flags.get('no-confirm')) return true;
        return ask(`Deploy this change set to ${changeSet.stackName}? [y/N] `);
      },
      event: (event) => {
        events.push(event);
        if (format === 'text') out(core.eventLine(event, template));
      },
    },
  );
  const lines = core.outcomeLines(outcome, template, config.config.stackName);
  if (format === 'json') out(JSON.stringify({ ...outcome, events, summary: lines.join(' ') }, null, 2));
  else for (const line of lines) (outcome.status === 'deployed' || outcome.status === 'no-changes' ? out : err)(line);
  if ('packaging' in outcome)
    err(
      `Packaged ${outcome.packaging.artifacts.length} artifact(s) in ${Math.round(outcome.packaging.ms)} ms, ` +
        `uploaded ${outcome.packaging.uploadedBytes} bytes to s3://${outcome.packaging.bucket}.`,
    );
  return outcome.status === 'deployed' || outcome.status === 'no-changes' ? EXIT.ok : EXIT.findings;
}

/** `sync`: each function's code (or the one named) straight to Lambda, skipping CloudFormation. */
export async function syncCommand(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const core = Deploy;
  const { template, config, value } = prepare(argv, core);
  if (!config.ok) throw new UsageError(config.problems.join('\n'));
  const only = value('function');
  const ids = [...new Set(core.localArtifacts(template).flatMap((a) => (a.kind === 'zip' ? a.logicalIds : [])))]
    .filter((id) => template.functions.some((f) => f.logicalId === id))
    .filter((id) => !only || id === only);
  if (ids.length === 0)
    throw new UsageError(only ? `${only} is not a function with local code` : 'no function has local code');
  process.stderr.write('Sync updates function code directly and bypasses CloudFormation; deploy to record it.\n');
  let failed = false;
  for (const logicalId of ids) {
    const outcome = await core.syncFunctionCode({
      template,
      logicalId,
      stackName: config.config.stackName,
      connection: {
        region: config.config.region,
        ...(config.config.profile ? { profile: config.config.profile } : {}),
      },
    });
    if (outcome.status === 'error') {
      failed = true;
      process.stderr.write(
        `${logicalId}: ${outcome.message}${outcome.problem?.action ? ` ${outcome.problem.action}` : ''}\n`,
      );
    } else if (outcome.status === 'unchanged') out(`${logicalId} (${outcome.functionName}): code unchanged`);
    else
      out(
        `${logicalId} (${outcome.functionName}): updated, ${outcome.bytes} bytes, ${Math.round(outcome.updateMs)} ms`,
      );
  }
  return failed ? EXIT.findings : EXIT.ok;
}

function ask(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) {
    process.stderr.write(`${question}no terminal to answer: pass --no-confirm to deploy without asking.\n`);
    return Promise.resolve(false);
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      resolve(/^y(es)?$/i.test(answer.trim()));
    }),
  );
}

/** A serverless.yml deploys with the framework's own CLI, its output passed through. */
async function frameworkDeploy(core: typeof Deploy, template: Template, stage: string | undefined): Promise<number> {
  const found = core.serverlessDeployCommand(template.fileName, stage ?? template.serverless?.stage);
  if (!found.ok) {
    process.stderr.write(`${found.message}\n`);
    return EXIT.usage;
  }
  const { spawnSync } = await import('child_process');
  const run = spawnSync(found.run.command, [...found.run.args], { cwd: found.run.cwd, stdio: 'inherit' });
  return run.status === 0 ? EXIT.ok : EXIT.findings;
}
