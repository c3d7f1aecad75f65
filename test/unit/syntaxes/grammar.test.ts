import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

// Grammar snapshot tests: each fixture is tokenized with VS Code's own TextMate engine (vscode-textmate,
// vscode-oniguruma), the base YAML/JSON grammars from tm-grammars and our injection, and the tokens our
// grammar scopes are compared with `<fixture>.snap`. Set UPDATE_SNAPSHOTS=1 to rewrite the snapshots after
// an intended grammar change, and review the diff.
const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(__dirname, 'fixtures');
const INJECTION = path.join(ROOT, 'syntaxes/cloudformation.injection.tmLanguage.json');
const BASE: Record<string, string> = {
  'source.yaml': path.join(ROOT, 'node_modules/tm-grammars/grammars/yaml.json'),
  'source.json': path.join(ROOT, 'node_modules/tm-grammars/grammars/json.json'),
};
const OURS = /cloudformation|serverless/;

let registry: textmate.Registry;

async function loadRegistry(): Promise<textmate.Registry> {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p) => new oniguruma.OnigScanner(p),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      const file = scope === 'cloudformation.injection' ? INJECTION : BASE[scope];
      return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope) =>
      scope === 'source.yaml' || scope === 'source.json' ? ['cloudformation.injection'] : undefined,
  });
}

/** The fixture with, under each line, a `^^^ scopes` line for every token our grammar scoped. */
async function snapshot(fixture: string): Promise<string> {
  const grammar = await registry.loadGrammar(fixture.endsWith('.json') ? 'source.json' : 'source.yaml');
  if (!grammar) throw new Error('base grammar missing');
  const out: string[] = [];
  let state = textmate.INITIAL;
  for (const line of fs.readFileSync(path.join(FIXTURES, fixture), 'utf8').split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    out.push(line);
    for (const token of result.tokens) {
      const ours = token.scopes.filter((s) => OURS.test(s));
      if (ours.length === 0) continue;
      // `#` takes column 0, so carets line up with the token from column 1; a token at column 0 gets `<`.
      const marker =
        token.startIndex === 0
          ? '<'
          : `${' '.repeat(token.startIndex - 1)}${'^'.repeat(token.endIndex - token.startIndex)}`;
      out.push(`#${marker} ${ours.join(' ')}`);
    }
  }
  return out.join('\n');
}

function scopesOf(snap: string, line: string): string[] {
  const lines = snap.split('\n');
  const at = lines.indexOf(line);
  assert.ok(at >= 0, `line not in fixture: ${line}`);
  const scopes: string[] = [];
  for (let i = at + 1; i < lines.length && lines[i].startsWith('#'); i++) scopes.push(lines[i].replace(/^#\s*/, ''));
  return scopes;
}

describe('TextMate injection grammar', () => {
  before(async () => {
    registry = await loadRegistry();
  });

  for (const fixture of fs.readdirSync(FIXTURES).filter((f) => !f.endsWith('.snap'))) {
    it(`matches the snapshot of ${fixture}`, async () => {
      const actual = await snapshot(fixture);
      const file = path.join(FIXTURES, `${fixture}.snap`);
      if (process.env.UPDATE_SNAPSHOTS || !fs.existsSync(file)) fs.writeFileSync(file, `${actual}\n`);
      assert.equal(actual, fs.readFileSync(file, 'utf8').replace(/\n$/, ''));
    });
  }

  it('marks short and long intrinsic forms, Sub variables and escapes in YAML, not in comments', async () => {
    const snap = await snapshot('sam.yaml');
    assert.deepEqual(scopesOf(snap, '          URL: !Ref Queue'), [
      '^ support.function.intrinsic.cloudformation punctuation.definition.tag.cloudformation',
      '^^^ support.function.intrinsic.cloudformation',
    ]);
    const sub = scopesOf(
      snap,
      "          SUB: !Sub 'arn:${AWS::Partition}:sqs:${AWS::Region}:${Queue.QueueName}/${!Literal}'",
    );
    assert.ok(sub.includes('^^^^^^^^^^^^^^^ variable.other.cloudformation'), 'Queue.QueueName is one variable');
    assert.ok(sub.includes('^^^^^^^^^^^ constant.character.escape.cloudformation'), '${!Literal} is an escape');
    assert.ok(
      scopesOf(snap, '            Fn::Sub: https://${Queue}.example').some((s) => /^\^{7} support\.function/.test(s)),
    );
    assert.ok(scopesOf(snap, '            Ref: Queue').some((s) => /^\^{3} support\.function/.test(s)));
    assert.deepEqual(scopesOf(snap, '      # !Ref in a comment stays a comment'), []);
  });

  it('marks Serverless variables with their source, nested ones too, and intrinsics in JSON', async () => {
    const sls = await snapshot('serverless.yml');
    const nested = scopesOf(sls, '    TABLE: ${self:custom.tables.${sls:stage}}');
    assert.equal(nested.filter((s) => /keyword\.other\.variable-source\.serverless/.test(s)).length, 2);
    const json = await snapshot('template.json');
    assert.ok(
      scopesOf(json, '        "DisplayName": { "Ref": "Queue" },').some((s) =>
        /^\^{3} .*support\.function\.intrinsic/.test(s),
      ),
    );
    assert.ok(
      scopesOf(json, '        "TopicName": { "Fn::Sub": "${AWS::StackName}-${Queue}" },').some((s) =>
        /variable\.other\.cloudformation/.test(s),
      ),
    );
  });
});
