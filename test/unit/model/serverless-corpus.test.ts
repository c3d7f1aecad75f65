import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadTemplate } from '../../../src/core';
import { SHARED } from '../helpers';

const FIXTURES = path.join(SHARED, 'corpus', 'serverless-v3-fixtures');
const CONFIG_NAME = /^serverless(\.[\w-]+)?\.(ya?ml|json|js|cjs|mjs|ts)$/;

/**
 * Problems the fixtures are meant to have (the framework's own tests use them as error cases), by
 * fixture folder; each entry is the start of a message. Anything else is a bug in our model.
 */
const EXPECTED_PROBLEMS: Readonly<Record<string, readonly string[]>> = {
  blank: ['This file is named like a template but has neither'],
  'config-invalid': ['This file is named like a template but has neither'],
  'config-schema-extensions': ['The provider is "someProvider"'],
  'config-schema-extensions-error': ['The provider is "someProvider"'],
  'custom-provider': ['The provider is "customProvider"'],
  'variables-legacy': [
    '${file(terraform.tfstate)} has no value: the file terraform.tfstate does not exist',
    '${file(terraform.tfstate):outputs.listenerarn.type} has no value',
    'This variable refers back to itself: ${self:}',
  ],
};

function configFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules') return [];
    const full = path.join(dir, e.name);
    return e.isDirectory() ? configFiles(full) : CONFIG_NAME.test(e.name) ? [full] : [];
  });
}

describe('Serverless Framework v3 fixtures (corpus)', function () {
  if (!fs.existsSync(FIXTURES)) {
    it(`skipped: ${FIXTURES} is missing (set SWB_SHARED to the shared folder)`);
    return;
  }
  const files = configFiles(FIXTURES);

  it('finds the fixtures', () => {
    assert.ok(files.length >= 50, `only ${files.length} serverless configs under ${FIXTURES}`);
  });

  it('models every YAML/JSON config without an exception or an unexpected problem', () => {
    const summary = {
      configs: 0,
      skippedScripts: [] as string[],
      functions: 0,
      events: 0,
      written: 0,
      generated: 0,
      unresolved: 0,
      expectedProblems: 0,
    };
    const unexpected: string[] = [];
    for (const file of files) {
      const folder = path.relative(FIXTURES, path.dirname(file));
      if (/\.(c|m)?[jt]s$/.test(file)) {
        summary.skippedScripts.push(path.relative(FIXTURES, file)); // JavaScript configs run code: never evaluated
        continue;
      }
      const readFile = (p: string): string | undefined => {
        try {
          return fs.readFileSync(path.resolve(path.dirname(file), p), 'utf8');
        } catch {
          return undefined;
        }
      };
      const template = loadTemplate(fs.readFileSync(file, 'utf8'), file, { readFile });
      assert.ok(template, `${folder}: not recognised`);
      summary.configs++;
      summary.functions += template.functions.length;
      summary.events += template.functions.reduce((n, f) => n + f.events.length, 0);
      summary.written += template.resources.filter((r) => r.origin === 'written').length;
      summary.generated += template.resources.filter((r) => r.origin === 'generated').length;
      summary.unresolved += template.serverless?.unresolvedVariables.length ?? 0;
      const expected = EXPECTED_PROBLEMS[folder] ?? [];
      for (const p of template.problems) {
        if (expected.some((e) => p.message.startsWith(e))) summary.expectedProblems++;
        else unexpected.push(`${folder} ${template.lines.oneBased(p.span).line}: ${p.message}`);
      }
    }
    console.log(`      serverless fixtures: ${JSON.stringify(summary)}`);
    assert.deepEqual(unexpected, []);
    assert.equal(
      summary.expectedProblems,
      Object.values(EXPECTED_PROBLEMS).flat().length,
      'an expected problem is no longer reported',
    );
  });

  it('names functions and generated resources like `serverless package` does for the http-api fixture', () => {
    const file = path.join(FIXTURES, 'http-api', 'serverless.yml');
    const template = loadTemplate(fs.readFileSync(file, 'utf8'), file)!;
    const ids = new Set(template.resources.map((r) => r.logicalId));
    // From the framework's own test of this fixture
    // (test/unit/lib/plugins/aws/package/compile/events/http-api.test.js).
    for (const id of [
      'FooLambdaFunction',
      'HttpApi',
      'HttpApiStage',
      'HttpApiIntegrationFoo',
      'HttpApiRoutePostSomeDashpost',
      'FooLambdaPermissionHttpApi',
      'HttpApiRouteGetBarMarkoVar',
    ]) {
      assert.ok(ids.has(id), `${id} missing`);
    }
  });
});
