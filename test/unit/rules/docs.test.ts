import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES, RULES_DOC_BASE } from '../../../src/core/rules';
import { rulesMarkdown } from '../../../src/core/rules/docs';

const ROOT = path.resolve(__dirname, '../../..');

describe('docs/rules.md', () => {
  it('is generated from the rules (run node scripts/update-rules-doc.mjs after changing one)', () => {
    assert.equal(fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8'), rulesMarkdown());
  });

  it('has a section per rule, where the diagnostics link', () => {
    const text = fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
    for (const rule of ALL_RULES) assert.ok(text.includes(`\n## ${rule.id}\n`), rule.id);
    for (const id of [
      'iam-missing-permission',
      'iam-wildcard-action',
      'iam-wildcard-resource',
      'iam-admin',
      'iam-passrole-wildcard',
      'iam-broad-managed-policy',
      'iam-unknown-action',
      'iam-unused-permission',
    ])
      assert.ok(text.includes(`\n## ${id}\n`), id);
  });

  it('is linked at the repository named in package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(RULES_DOC_BASE, `${pkg.repository.url}/blob/main/docs/rules.md`);
  });
});
