import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadTemplate } from '../../../src/core';
import { valueOf } from '../../../src/core';
import { GrantCollector, samPolicies, samRoleGrants } from '../../../src/core/permissions/effective';
import { managedPolicyName } from '../../../src/core/permissions/data';
import { POLICY_TEMPLATES } from '../../../src/core/permissions/data';
import { SHARED, hasShared } from '../helpers';

const CORPUS = path.join(SHARED, 'corpus/sam-translator');

/** JSON with sorted keys: statements compare equal whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The statements of a role's inline policies, with `Fn::If` wrappers (conditional policies) opened. */
function roleStatements(role: Record<string, any>): string[] {
  const out: string[] = [];
  const add = (policy: any): void => {
    if (!policy || typeof policy !== 'object') return;
    if (policy['Fn::If']) {
      policy['Fn::If'].slice(1).forEach(add);
      return;
    }
    const statement = policy.PolicyDocument?.Statement;
    for (const s of Array.isArray(statement) ? statement : statement ? [statement] : []) out.push(canonical(s));
  };
  (role.Properties?.Policies ?? []).forEach(add);
  return out.sort();
}

const usesPolicyTemplate = (text: string): boolean => Object.keys(POLICY_TEMPLATES).some((name) => new RegExp(`\\b${name}\\s*:`).test(text));

describe('SAM policy template expansion agrees with the SAM translator corpus', function () {
  before(function () {
    if (!hasShared) {
      console.log(`    (skipped: the corpus is not at ${SHARED}; set SWB_SHARED to run it)`);
      this.skip();
    }
  });

  it('expands Policies of every corpus function and state machine to the role policies SAM writes', () => {
    const inputs = fs.readdirSync(path.join(CORPUS, 'input')).filter((f) => !f.startsWith('error_') && f.endsWith('.yaml'));
    let compared = 0;
    const disagreements: string[] = [];
    for (const file of inputs) {
      const text = fs.readFileSync(path.join(CORPUS, 'input', file), 'utf8');
      if (!usesPolicyTemplate(text)) continue;
      const outputFile = path.join(CORPUS, 'output', file.replace(/\.yaml$/, '.json'));
      if (!fs.existsSync(outputFile)) continue;
      const expected = JSON.parse(fs.readFileSync(outputFile, 'utf8')).Resources ?? {};
      const template = loadTemplate(text, file);
      assert.ok(template, `${file} loads`);
      for (const resource of template.resources) {
        if (resource.type !== 'AWS::Serverless::Function' && resource.type !== 'AWS::Serverless::StateMachine') continue;
        const policies = valueOf(resource.properties, 'Policies');
        const role = expected[`${resource.logicalId}Role`];
        if (!policies || !role || valueOf(resource.properties, 'Role')) continue;
        const grants = new GrantCollector(template);
        const fn = template.functions.find((f) => f.logicalId === resource.logicalId);
        if (fn) samRoleGrants(grants, fn);
        else samPolicies(grants, policies);
        // Managed policies are compared by name below: SAM's expected ARNs are mocked.
        const ours = grants.statements.filter((s) => s.kind !== 'managed').map((s) => canonical(s.written)).sort();
        const ourManaged = grants.managedPolicies.map((m) => m.name).sort();
        const theirManaged = ((role.Properties?.ManagedPolicyArns ?? []) as unknown[])
          .map((arn) => (typeof arn === 'string' ? managedPolicyName(arn) : canonical(arn)))
          .filter((name) => ourManaged.includes(name)).sort();
        const theirs = roleStatements(role);
        compared++;
        if (canonical(ours) !== canonical(theirs) || canonical(ourManaged) !== canonical(theirManaged)) disagreements.push(`${file} ${resource.logicalId}: ours ${ours.length}, SAM ${theirs.length}`);
      }
    }
    console.log(`    policy expansion agreement: ${compared - disagreements.length}/${compared} roles${disagreements.length ? `; differ: ${disagreements.join('; ')}` : ''}`);
    assert.ok(compared >= 15, `compared ${compared} roles`);
    assert.deepEqual(disagreements, []);
  });
});
