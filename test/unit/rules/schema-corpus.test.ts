import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadTemplate } from '../../../src/core';
import { analyzeTemplate } from '../../../src/core/rules';
import { SHARED, hasShared } from '../helpers';
import { TODAY } from './rule-tester';
import { catalog } from '../completion/catalog';

const CORPUS = path.join(SHARED, 'corpus');

/**
 * Inputs of the SAM translator's own tests (and cfn-lint fixtures for other checks) that CloudFormation would reject
 * as written: the translator only translates them, so a schema error there is a true finding, not a false one.
 */
const NOT_DEPLOYABLE: Readonly<Record<string, string>> = {
  'sam-translator/input/connector_dependson_replace.yaml':
    'CloudFormation resources without their required properties (Code, KeySchema, EventPattern)',
  'sam-translator/input/connector_esm_dependson.yaml':
    'AWS::Lambda::Function without Code, AWS::DynamoDB::Table without KeySchema',
  'sam-translator/input/connector_hardcoded_props.yaml':
    'AWS::Lambda::Function without Code and Role, a rule without a pattern or schedule, a state machine without ' +
    'RoleArn',
  'sam-translator/input/function_with_event_filtering.yaml': 'AWS::DynamoDB::Table without KeySchema',
  'sam-translator/input/function_with_resource_refs.yaml': "AWS::S3::Bucket has no property 'Name'",
  'sam-translator/input/function_with_tracing.yaml': "Tracing 'Hi' and '123' (Lambda accepts Active or PassThrough)",
  'sam-translator/input/globals_for_function.yaml':
    "RuntimeManagementConfig.UpdateRuntimeOn 'FunctionChange' (Lambda accepts Auto, FunctionUpdate, Manual)",
  'sam-translator/input/kinesis_intrinsics.yaml': 'ParallelizationFactor 50 (Lambda allows 1-10)',
  'sam-translator/input/api_with_canary_setting.yaml':
    "CanarySetting 'StageVariablesOverrides' (API Gateway's is StageVariableOverrides)",
  'sam-translator/input/basic_function_withimageuri.yaml':
    'ImageConfig.EntryPoint and Command given as text (Lambda takes lists)',
  'sam-translator/input/api_with_any_method_in_swagger.yaml':
    "a Lambda authorizer without FunctionArn: the transform writes `__FunctionArn__: null` into the authorizer's " +
    'URI, and CloudFormation refuses null values',
  'cfn-lint-fixtures/templates/good/custom/is-defined.yaml':
    'environment variables given as a list and a map (a custom-rule fixture)',
  'cfn-lint-fixtures/templates/good/transform/applications_location.yaml':
    'Location map without SemanticVersion, which the SAM transform rejects (its test ' +
    "error_application_properties.yaml: 'Resource is missing the required [SemanticVersion] property')",
  'cfn-lint-fixtures/templates/good/functions/sub.yaml':
    "AWS::CloudFormation::Stack with ServiceCatalog's ProductName (a Fn::Sub fixture)",
};

function corpusFiles(): string[] {
  const files: string[] = [];
  const add = (dir: string, accept: (file: string) => boolean): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) add(full, accept);
      else if (accept(full)) files.push(full);
    }
  };
  add(path.join(CORPUS, 'sam-translator/input'), (f) => f.endsWith('.yaml') && !path.basename(f).startsWith('error_'));
  add(path.join(CORPUS, 'cfn-lint-fixtures/templates/good'), (f) => /\.(ya?ml|json)$/.test(f));
  return files.sort();
}

describe('schema rules on valid published templates', () => {
  it("report nothing on cfn-lint's good templates and the SAM translator's valid inputs", function () {
    if (!hasShared) {
      console.log(`      skipped: needs ${CORPUS}`);
      this.skip();
    }
    this.timeout(300_000);
    const unexpected: string[] = [];
    let checked = 0;
    for (const file of corpusFiles()) {
      const relative = path.relative(CORPUS, file);
      const template = loadTemplate(fs.readFileSync(file, 'utf8'), file);
      if (!template) continue;
      checked++;
      const result = analyzeTemplate(template, { today: TODAY, schemas: catalog });
      assert.deepEqual(
        result.crashes.filter((c) => c.ruleId.startsWith('schema-')),
        [],
        relative,
      );
      if (NOT_DEPLOYABLE[relative]) continue;
      for (const f of result.findings) {
        if (!f.ruleId.startsWith('schema-')) continue;
        const { line, column } = template.lines.oneBased(f.span);
        unexpected.push(`${relative}:${line}:${column} ${f.ruleId} ${f.message}`);
      }
    }
    console.log(
      `      ${checked} templates checked, ${Object.keys(NOT_DEPLOYABLE).length} known not to deploy as written`,
    );
    assert.deepEqual(unexpected, []);
  });
});
