import { strict as assert } from 'assert';
import { currentRuntime, planProject, projectNameProblem, suggestProjectName } from '../../../src/core/init';
import { PROJECT_NAME_MAX } from '../../../src/core/init';
import { fillPlaceholders } from '../../../src/core/init/render';
import { plan, shippedStarters } from './helpers';

const TODAY = '2026-12-02';

describe('new project plans', () => {
  it('start on the newest runtime Lambda supports on the day, not one only announced', () => {
    // data/lambda-runtimes.json lists nodejs26.x and python3.15 without dates yet: not chosen.
    assert.equal(currentRuntime('nodejs', TODAY), 'nodejs24.x');
    assert.equal(currentRuntime('python', TODAY), 'python3.14');
    // Once nodejs24.x and python3.14 are deprecated, nothing of theirs is supported any more.
    assert.equal(currentRuntime('nodejs', '2028-05-01'), undefined);
    assert.equal(currentRuntime('python', '2020-01-01'), 'python3.14');
  });

  it('lists every file of a SAM project in JavaScript, with the runtime filled in', () => {
    const made = plan({ framework: 'sam', language: 'node', starter: 'sqs-worker', name: 'orders', today: TODAY });
    assert.deepEqual(made.files.map((f) => f.path).sort(), [
      '.gitignore',
      'README.md',
      'events/messages.json',
      'package.json',
      'samconfig.toml',
      'src/worker.js',
      'template.yaml',
      'test/worker.test.js',
    ]);
    assert.equal(made.template, 'template.yaml');
    assert.deepEqual(made.handlers, ['src/worker.js']);
    const text = (path: string) => made.files.find((f) => f.path === path)!.text;
    assert.match(text('template.yaml'), /^ {4}Runtime: nodejs24\.x$/m);
    assert.match(text('template.yaml'), /^Description: orders - SQS worker with a dead-letter queue$/m);
    assert.match(text('samconfig.toml'), /^stack_name = "orders"$/m);
    assert.deepEqual(JSON.parse(text('package.json')).devDependencies, {});
    assert.equal(text('.gitignore'), '.aws-sam/\n.serverless-workbench/build/\nnode_modules/\n');
    assert.match(text('README.md'), /^# orders\n/);
    assert.match(text('README.md'), /sam local invoke WorkerFunction --event events\/messages\.json/);
    assert.doesNotMatch(made.files.map((f) => f.text).join('\n'), /\{\{/);
  });

  it('builds TypeScript with esbuild: SAM Metadata per function, the plugin for the Serverless Framework', () => {
    const sam = plan({ framework: 'sam', language: 'typescript', starter: 'workflow', name: 'a', today: TODAY });
    const template = sam.files.find((f) => f.path === 'template.yaml')!.text;
    assert.equal(template.match(/^ {4}Metadata:\n {6}BuildMethod: esbuild$/gm)?.length, 2);
    assert.equal(template.match(/^ {10}- src\/steps\.ts$/gm)?.length, 2);
    const sls = plan({ framework: 'serverless', language: 'typescript', starter: 'http-api', name: 'a', today: TODAY });
    assert.match(sls.files.find((f) => f.path === 'serverless.yml')!.text, /^plugins:\n {2}- serverless-esbuild$/m);
    const packageJson = JSON.parse(sls.files.find((f) => f.path === 'package.json')!.text);
    assert.deepEqual(Object.keys(packageJson.devDependencies), [
      '@aws-sdk/client-dynamodb',
      '@aws-sdk/lib-dynamodb',
      '@types/aws-lambda',
      '@types/node',
      'esbuild',
      'serverless-esbuild',
      'typescript',
    ]);
  });

  it('refuses names that a stack, a package or a bucket would not accept', () => {
    assert.equal(projectNameProblem('orders-api'), undefined);
    assert.match(projectNameProblem('Orders')!, /lower case/);
    assert.match(projectNameProblem('1st')!, /starting with a letter/);
    assert.match(projectNameProblem('a--b')!, /hyphen/);
    assert.equal(PROJECT_NAME_MAX, 37);
    assert.match(projectNameProblem('a'.repeat(38))!, /at most 37 characters/);
    const refused = planProject(
      { framework: 'sam', language: 'node', starter: 'http-api', name: 'My App', today: TODAY },
      shippedStarters(),
    );
    assert.deepEqual(refused, { problem: projectNameProblem('My App') });
  });

  it('suggests a usable name from a folder name', () => {
    assert.equal(suggestProjectName('My Orders App'), 'my-orders-app');
    assert.equal(suggestProjectName('2024_reports'), 'reports');
    assert.equal(suggestProjectName('___'), 'my-app');
    assert.equal(projectNameProblem(suggestProjectName('x'.repeat(60) + ' y')), undefined);
  });

  it('fills block placeholders at their indentation and drops them when empty', () => {
    assert.equal(
      fillPlaceholders('a:\n  {{block}}\nb: {{v}}\n', { block: 'x: 1\ny: 2', v: '3' }),
      'a:\n  x: 1\n  y: 2\nb: 3\n',
    );
    assert.equal(fillPlaceholders('a:\n  {{block}}\nb\n', { block: '' }), 'a:\nb\n');
    assert.throws(() => fillPlaceholders('{{missing}}', {}), /\{\{missing\}\} has no value/);
  });
});
