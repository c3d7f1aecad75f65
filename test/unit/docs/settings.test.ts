import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

const ROOT = path.resolve(__dirname, '../../..');

/** The editor reads its settings only through src/vscode/settings.generated.ts: it must say what package.json says. */
describe('src/vscode/settings.generated.ts', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const generated = fs.readFileSync(path.join(ROOT, 'src/vscode/settings.generated.ts'), 'utf8');
  let settingsModule: (manifest: unknown) => string;
  before(async () => {
    ({ settingsModule } = await import(pathToFileURL(path.join(ROOT, 'scripts/update-settings.mjs')).href));
  });

  it('is generated from package.json (run node scripts/update-settings.mjs after changing a setting)', () => {
    assert.equal(generated, settingsModule(manifest));
  });

  it('has every setting with its package.json default, and a scope argument where a folder can set it', () => {
    assert.match(
      generated,
      /precision: new WindowSetting<number>\('serverlessWorkbench\.cost\.precision', 2, \{ minimum: 0, maximum: 6 \}\),/,
    );
    assert.match(
      generated,
      /samconfigEnvironment: new ResourceSetting<string>\('serverlessWorkbench\.invoke\.samconfigEnvironment', 'default'\),/,
    );
    assert.match(
      generated,
      /rules: new WindowSetting<Readonly<Record<string, 'error' \| 'warning' \| 'info' \| 'off'>>>\(\n\s+'serverlessWorkbench\.rules', \{\},\n\s+\),/,
    );
    const names = [...generated.matchAll(/new (?:Window|Resource)Setting<.*>\(\s*'([\w.]+)'/g)].map((m) => m[1]);
    assert.deepEqual(names, Object.keys(manifest.contributes.configuration.properties));
  });

  it('refuses a setting without a default rather than inventing one', () => {
    const manifestWith = (properties: object) => ({ contributes: { configuration: { properties } } });
    assert.throws(
      () => settingsModule(manifestWith({ 'serverlessWorkbench.x': { type: 'number' } })),
      /serverlessWorkbench\.x has no default in package\.json/,
    );
  });
});
