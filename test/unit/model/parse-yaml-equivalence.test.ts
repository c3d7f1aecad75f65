import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Parser } from 'yaml';
import { parseYaml, readComposed } from '../../../src/core/model/parse-yaml';
import { parseYamlFromCst } from '../../../src/core/model/parse-yaml-cst';
import { SHARED, hasShared } from '../helpers';
import { mutate, random, yamlFilesUnder } from './typing-mutations';

/**
 * The fast YAML reader (straight from the CST) must give exactly what the full reader (`yaml`'s
 * documents, from the same strict or flow-lenient tokens) gives, node for node, span for span, problem for problem,
 * whenever it does not step aside.
 * Stepping aside is always safe; answering differently, or answering where `yaml` reports an error, is not.
 */
const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = ['examples/sam-app/template.yaml', 'examples/serverless-app/serverless.yml'].map((f) =>
  path.join(ROOT, f),
);
const MUTATIONS_PER_FILE = 4;

/**
 * Throws with the case when the reader differs from `yaml`'s Composer on the same tokens (whichever way
 * it went); true when it took the fast path.
 */
function assertSameAsDocumentReader(text: string, label: string): boolean {
  const reference = parseYaml(text, readComposed);
  assert.deepStrictEqual(parseYaml(text), reference, `${label}: the reader differs from yaml's Composer`);
  return parseYamlFromCst(text, [...new Parser().parse(text)]) !== undefined;
}

describe('YAML readers agree', function () {
  this.timeout(300_000);

  it('on the examples and the benchmark template, which take the fast path', async function () {
    const { generateSamTemplate } = await import(path.join(ROOT, 'bench/generate.mjs'));
    const texts: [string, string][] = [
      ...EXAMPLES.map((f): [string, string] => [f, fs.readFileSync(f, 'utf8')]),
      ['generateSamTemplate(60)', generateSamTemplate(60) as string],
    ];
    for (const [label, text] of texts)
      assert.ok(assertSameAsDocumentReader(text, label), `${label} left the fast path`);
  });

  it('on small cases at the edges of the fast subset', function () {
    const cases = [
      'a: 1\nb: !Ref x\nc: !GetAtt A.B\n',
      'a: !Sub |\n  x\n  ${y}\nb: >-\n  folded\n  text\n',
      'x: 1\nx: 2\n',
      'a:\nb: # comment\nc: !Ref\n',
      '- a\n-\n- !Ref\n- - nested\n',
      '---\na: .nan\nb: 0x1F\nc: -.inf\nd: 1e3\ne: 0o17\nf: ~\ng: +12\n',
      '"quoted key": \'v\'\n1: one\ntrue: yes\nnull: none\n',
      '# only a comment\n',
      'plain scalar\n',
      'a: b\n  c\n',
      'a: !If\n  - Cond\n  - x\n  - y\n',
      'a: !If\n- x\n',
      'Fn::GetAtt: [A, B]\n',
      'Ref: X\n',
      'Condition: C\n',
      'a:\n\t- b\n',
      'a: "unterminated\n',
      'a: b: c\n',
      'a:\n  b: 1\n c: 2\n',
      '- a\nb: 1\n',
      'a: 1 #c\n#d\n',
      'a: "\\q"\n',
      '? a\n: b\n',
      'a: !Ref\t\n',
      'a:\n  \t- x\n',
      '- \tb\n',
      'a: !Ref\n  - x\n',
      'a: !Ref - x\n',
      '!Ref a: b\n',
      'a: &x 1\nb: *x\n',
      'a: !Foo x\n',
      'a:\n  - b\n   - c\n',
      'a: |\n x\n  y\nb: 1\n',
      'a: |2\n   x\n',
      'k: v\n---\nk: w\n',
      '%YAML 1.2\n---\na: 1\n',
      '--- a: 1\n',
      '[a, b, ]\n',
      '[, a]\n',
      '[a,, b]\n',
      '{a: 1, a: 2}\n',
      '{a}\n',
      '[a: 1]\n',
      '[a b]\n',
      '{a: [1, {b: !Ref c}]}\n',
      'a: [\n  x,\n  y\n]\n',
      'a: [x\n',
      '[a]]\n',
      'a: { b: 1 } # c\n',
      'a: !Join ["", [a, !Ref b]]\n',
      '{a: 1}: b\n',
      'a: [- x]\n',
      'a: [!Ref ]\n',
      'a: {b: }\n',
      'a: {b:c}\n',
      '[a]\n',
      'a: [\n x\n]\n',
      'a:\n  - [x,\n  y]\n',
      'a:\n  b: {\n  c: 1\n  }\n  d: 2\n',
      'a: [\nb,\n\tc\n]\n',
      '- [a,\n- b]\n',
      'a: [\n  "x\ny"\n]\n',
      '<<: {a: 1}\nb: 2\n',
      '{<<: {a: 1}, b: 2}\n',
      '"<<": 1\n',
      'a: &a {x: 1}\nb:\n  <<: [*a]\n',
      `${'['.repeat(401)}${']'.repeat(401)}\n`,
      '\ufeffa: 1\r\nb: [1,\r\n  2]\r\n',
    ];
    let fast = 0;
    for (const text of cases) if (assertSameAsDocumentReader(text, JSON.stringify(text))) fast++;
    assert.ok(fast >= cases.length / 2, `only ${fast} of ${cases.length} small cases took the fast path`);
  });

  it('on every YAML of the shared corpus and mutations of it', function () {
    const corpus = path.join(SHARED, 'corpus');
    if (!hasShared) {
      console.log(`    skipped: ${corpus} is missing (set SWB_SHARED to the shared folder)`);
      this.skip();
    }
    const files = [
      ...EXAMPLES,
      ...yamlFilesUnder(path.join(corpus, 'sam-translator')),
      ...yamlFilesUnder(path.join(corpus, 'serverless-v3-fixtures')),
    ];
    const next = random(20261123);
    let fastFiles = 0;
    let mutants = 0;
    let fastMutants = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      if (assertSameAsDocumentReader(text, file)) fastFiles++;
      for (let i = 0; i < MUTATIONS_PER_FILE && text.length > 0; i++) {
        let mutant = { text, what: '' };
        for (let k = 1 + Math.floor(next() * 2); k > 0; k--) {
          const step = mutate(mutant.text, next);
          mutant = { text: step.text, what: `${mutant.what}${mutant.what ? ', ' : ''}${step.what}` };
        }
        mutants++;
        if (assertSameAsDocumentReader(mutant.text, `${file} with ${mutant.what}`)) fastMutants++;
      }
    }
    console.log(`    fast path: ${fastFiles}/${files.length} files, ${fastMutants}/${mutants} mutants`);
    assert.ok(files.length > 500, `expected the corpus's ~880 YAML files, found ${files.length}`);
    // Most real templates are in the subset; if this drops, the fast path stopped being the common one.
    assert.ok(fastFiles > files.length * 0.9, `only ${fastFiles} of ${files.length} files took the fast path`);
  });
});
