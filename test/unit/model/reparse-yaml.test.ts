import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseYaml, readCleanFragment, readYaml } from '../../../src/core/model/parse-yaml';
import { reparseYaml } from '../../../src/core/model/reparse-yaml';
import type { ReparseBase } from '../../../src/core/model/reparse-yaml';
import { loadTemplate } from '../../../src/core/model/load';
import { SHARED, hasShared } from '../helpers';
import { mutate, random, yamlFilesUnder } from './typing-mutations';

/**
 * Re-reading only the edited entry must give exactly what reading the whole edited text gives, node for
 * node and span for span, whenever it does not step aside (stepping aside is always safe).
 */
const ROOT = path.resolve(__dirname, '../../..');
const SAM_EXAMPLE = path.join(ROOT, 'examples/sam-app/template.yaml');

function baseOf(text: string): ReparseBase {
  const { base } = readYaml(text);
  assert.ok(base, 'the text was expected to read cleanly');
  return base;
}

/** The re-read result when it was taken, after checking it against reading the whole text. */
function reparsedLikeWhole(base: ReparseBase, text: string, label: string): boolean {
  const reparsed = reparseYaml(base, text, readCleanFragment);
  if (reparsed) assert.deepStrictEqual(reparsed, parseYaml(text), `${label}: re-reading differs from reading`);
  return reparsed !== undefined;
}

const TEMPLATE = [
  'Resources:',
  '  Fn:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      MemorySize: 512',
  '      Timeout: 3',
  '  # a note',
  '  Table:',
  '    Type: AWS::DynamoDB::Table',
  '    Properties:',
  '      BillingMode: PAY_PER_REQUEST',
  '      # trailing note',
  'Outputs:',
  '  Name:',
  '    Value: !Ref Table',
  '',
].join('\n');

function edit(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  assert.ok(at >= 0, `${find} not in the text`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

describe('Re-reading an edited YAML entry', () => {
  const base = baseOf(TEMPLATE);

  const confined: [string, string, string][] = [
    ['a value typed into', 'MemorySize: 512', 'MemorySize: 5120'],
    ['a value deleted from', 'Timeout: 3', 'Timeout: '],
    ['a key renamed (no sibling has the name)', 'Timeout:', 'Timeoutt:'],
    ['a value turned into a block scalar with the note below it', 'PAY_PER_REQUEST', '|'],
    ['a value turned into a nested map', 'Timeout: 3', 'Timeout:\n        Nested: 1'],
    ['a tag typed', 'Value: !Ref Table', 'Value: !GetAtt Table.Arn'],
    ['lines deleted within one resource', '512\n      Timeout: 3\n  # a note\n  Table', '1\n  Table'],
  ];
  for (const [what, find, replacement] of confined) {
    it(`re-reads only the entry for ${what}`, () => {
      assert.ok(reparsedLikeWhole(base, edit(TEMPLATE, find, replacement), what), 'the edit was not confined');
    });
  }

  const outside: [string, string, string][] = [
    ['a key renamed to a sibling', 'Timeout:', 'MemorySize:'],
    ['a line indented', '      Timeout', '       Timeout'],
    ['a line split into two entries', 'Timeout: 3', 'Timeout: 3\n      Handler: x'],
    ['a syntax error', 'Timeout: 3', 'Timeout: "3'],
    ['an anchor', 'Timeout: 3', 'Timeout: &t 3'],
    ['an edit across two sections', 'PAY_PER_REQUEST\n      # trailing note\nOutputs:\n  Name', 'X\nOutputs:\n  Nam'],
  ];
  for (const [what, find, replacement] of outside) {
    it(`reads the whole text again for ${what}`, () => {
      assert.strictEqual(reparseYaml(base, edit(TEMPLATE, find, replacement), readCleanFragment), undefined);
    });
  }

  it('keeps spans right over a run of keystrokes, each re-read against the one before', () => {
    const at = TEMPLATE.indexOf('Timeout: 3') + 'Timeout: 3'.length;
    let text = TEMPLATE;
    let reading = readYaml(text);
    for (const [i, ch] of [...'0 # seconds'].entries()) {
      text = text.slice(0, at + i) + ch + text.slice(at + i);
      assert.ok(reading.base && reparsedLikeWhole(reading.base, text, `after typing ${i + 1}`), 'not re-read in place');
      reading = readYaml(text, reading.base);
    }
  });

  it('gives the model the same template as a full read', () => {
    const before = loadTemplate(TEMPLATE, 'template.yaml');
    const text = edit(TEMPLATE, 'MemorySize: 512', 'MemorySize: 20000');
    const after = loadTemplate(text, 'template.yaml', { previous: before });
    const whole = loadTemplate(text, 'template.yaml');
    assert.deepStrictEqual(after?.root, whole?.root);
    assert.strictEqual(after?.functions[0].memorySize?.value, 20000);
  });

  it('agrees with the whole reading on the example and the corpus under typing mistakes', function () {
    this.timeout(300_000);
    const files = [SAM_EXAMPLE];
    if (hasShared)
      for (const dir of ['sam-translator', 'serverless-v3-fixtures', 'cfn-lint-fixtures'])
        files.push(...yamlFilesUnder(path.join(SHARED, 'corpus', dir)));
    else console.log(`    note: ${path.join(SHARED, 'corpus')} is missing; only the example is mutated`);
    const next = random(20261202);
    let confinedEdits = 0;
    let mutants = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const { base: clean } = readYaml(text);
      if (!clean) continue;
      for (let i = 0; i < 4; i++) {
        const mutant = mutate(text, next);
        mutants++;
        if (reparsedLikeWhole(clean, mutant.text, `${file}: ${mutant.what}`)) confinedEdits++;
      }
    }
    console.log(`    ${confinedEdits} of ${mutants} edits of ${files.length} files were re-read in place`);
    assert.ok(confinedEdits > mutants / 10, `only ${confinedEdits} of ${mutants} edits were re-read in place`);
  });
});
