import { strict as assert } from 'assert';
import * as path from 'path';
import { loadTemplate } from '../../../src/core';
import type { Template } from '../../../src/core';
import { gatherPermissionInputs } from '../../../src/core/permissions';
import { analyzeTemplate } from '../../../src/core/rules';
import type { AnalysisInputs, Finding, SeverityOverride } from '../../../src/core/rules';
import { PERMISSION_RULES } from '../../../src/core/rules/permissions';
import { PUT_ITEM_HANDLER, putItemTemplate } from '../../fixtures/put-item-app';
import { TODAY } from './rule-tester';

const ROOT = path.resolve('/project');
const TEMPLATE = path.join(ROOT, 'template.yaml');
const HANDLER = path.join(ROOT, 'src/index.js');
const FILES = new Map([[HANDLER, PUT_ITEM_HANDLER]]);

/** The IAM rules through the rule engine, with the handler scanned as the command line does. */
async function lint(
  text: string,
  inputs: Partial<AnalysisInputs> = {},
): Promise<{ template: Template; findings: readonly Finding[] }> {
  const template = loadTemplate(text, TEMPLATE)!;
  const permissions = await gatherPermissionInputs(template, (file) => FILES.get(file));
  const result = analyzeTemplate(template, { today: TODAY, permissions, ...inputs }, PERMISSION_RULES);
  assert.deepEqual(result.crashes, []);
  return { template, findings: result.findings };
}

/** "file line:column-line:column severity rule 'covered text'", as a user reads a finding. */
function where(template: Template, f: { span: Finding['span']; file?: Finding['file'] }): string {
  const lines = f.file?.lines ?? template.lines;
  const { line, column, endLine, endColumn } = lines.oneBased(f.span);
  return (
    `${path.basename(f.file?.path ?? template.fileName)} ${line}:${column}-${endLine}:${endColumn} ` +
    `'${lines.text.slice(f.span.start, f.span.end)}'`
  );
}

const summary = (template: Template, findings: readonly Finding[]) =>
  findings.map((f) => `${f.ruleId} ${f.severity} ${where(template, f)}`);

describe('permission rules in the rule engine', () => {
  it(
    'reports a call the role does not allow on the function and on the call in the handler source, each pointing ' +
      'at the other',
    async () => {
      const { template, findings } = await lint(putItemTemplate());
      assert.deepEqual(summary(template, findings), [
        "iam-missing-permission error template.yaml 3:3-3:17 'OrdersFunction'",
        "iam-missing-permission error index.js 4:48-4:58 'PutCommand'",
      ]);
      const [onFunction, onCall] = findings;
      assert.equal(onCall.file?.path, HANDLER);
      assert.deepEqual(
        onFunction.related.map((r) => where(template, r)),
        ["index.js 4:48-4:58 'PutCommand'"],
      );
      assert.deepEqual(
        onCall.related.map((r) => where(template, r)),
        ["template.yaml 3:3-3:17 'OrdersFunction'"],
      );
      assert.equal(onCall.logicalId, 'OrdersFunction');
      assert.match(
        onCall.message,
        /^dynamodb:PutItem on .*table\/OrdersTable is not allowed for OrdersFunction: this call fails with AccessDenied/,
      );
    },
  );

  it(
    'carries the fixes as edits of the template, on both findings; the preferred one removes the missing ' +
      'permission',
    async () => {
      const { template, findings } = await lint(putItemTemplate());
      const [onFunction, onCall] = findings;
      assert.deepEqual(onCall.fixes, onFunction.fixes);
      const fix = onCall.fixes.find((f) => f.preferred)!;
      assert.equal(fix.title, 'Add the SAM policy template DynamoDBWritePolicy (TableName: !Ref OrdersTable)');
      const fixed = [...fix.edits]
        .sort((a, b) => b.span.start - a.span.start)
        .reduce((text, e) => text.slice(0, e.span.start) + e.newText + text.slice(e.span.end), template.text);
      assert.match(fixed, /      Policies:\n        - DynamoDBWritePolicy:\n            TableName: !Ref OrdersTable\n/);
      const after = await lint(fixed);
      assert.deepEqual(
        after.findings.filter((f) => f.ruleId === 'iam-missing-permission'),
        [],
      );
      // What the template grants beyond PutItem is now advice, no longer an error.
      assert.deepEqual(summary(after.template, after.findings), [
        "iam-unused-permission info template.yaml 13:11-15:1 'DynamoDBWritePolicy:\n            TableName: !Ref " +
          "OrdersTable\n'",
      ]);
    },
  );

  it('honours a severity override from the setting or --rules, in the handler source too', async () => {
    const severities: Record<string, SeverityOverride> = { 'iam-missing-permission': 'warning' };
    const { template, findings } = await lint(putItemTemplate(), { severities });
    assert.deepEqual(summary(template, findings), [
      "iam-missing-permission warning template.yaml 3:3-3:17 'OrdersFunction'",
      "iam-missing-permission warning index.js 4:48-4:58 'PutCommand'",
    ]);
    assert.deepEqual((await lint(putItemTemplate(), { severities: { 'iam-missing-permission': 'off' } })).findings, []);
  });

  it("honours Metadata suppression on the function, for the finding in its handler's source too", async () => {
    const suppressed = putItemTemplate().replace(
      '  OrdersTable:\n',
      '    Metadata:\n      serverless-workbench:\n        ignore: [iam-missing-permission]\n  OrdersTable:\n',
    );
    assert.deepEqual((await lint(suppressed)).findings, []);
    const templateWide =
      `Metadata:\n  serverless-workbench:\n    ignore: ` + `[iam-missing-permission]\n${putItemTemplate()}`;
    assert.deepEqual((await lint(templateWide)).findings, []);
    const otherRule = putItemTemplate().replace(
      '  OrdersTable:\n',
      '    Metadata:\n      serverless-workbench:\n        ignore: [iam-admin]\n  OrdersTable:\n',
    );
    assert.equal((await lint(otherRule)).findings.length, 2);
  });

  it('honours Metadata suppression of a statement rule on the resource the statement is written in', async () => {
    const statement = [
      '      Policies:',
      '        - Statement:',
      '            - Effect: Allow',
      "              Action: 'dynamodb:*'",
      '              Resource: !GetAtt OrdersTable.Arn',
    ];
    const { template, findings } = await lint(putItemTemplate(...statement));
    assert.deepEqual(summary(template, findings), [
      "iam-wildcard-action warning template.yaml 15:23-15:35 ''dynamodb:*''",
    ]);
    const suppressed = putItemTemplate(
      ...statement,
      '    Metadata:',
      '      serverless-workbench:',
      '        ignore: [iam-wildcard-action]',
    );
    assert.deepEqual((await lint(suppressed)).findings, []);
  });

  it('checks the written statements without handler scans (the editor before its first scan)', () => {
    const template = loadTemplate(
      putItemTemplate(
        '      Policies:',
        '        - Statement:',
        "            - {Effect: Allow, Action: '*', Resource: '*'}",
      ),
      TEMPLATE,
    )!;
    const findings = analyzeTemplate(template, { today: TODAY }, PERMISSION_RULES).findings;
    assert.deepEqual(summary(template, findings), [
      "iam-admin error template.yaml 14:15-14:58 '{Effect: Allow, Action: '*', Resource: '*'}'",
    ]);
  });
});
