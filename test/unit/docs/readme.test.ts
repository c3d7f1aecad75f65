import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

/** The README's settings table is what people read instead of package.json: it must not fall behind. */
describe('README', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  it('lists every setting of package.json with its default', () => {
    const rows = new Map(
      [...readme.matchAll(/^\| `(serverlessWorkbench\.[\w.]+)` \| ([^|]*) \|/gm)].map((m) => [m[1], m[2].trim()]),
    );
    const properties: Record<string, { default: unknown }> = manifest.contributes.configuration.properties;
    for (const [name, property] of Object.entries(properties)) {
      assert.ok(rows.has(name), `${name} is missing from the README's settings table`);
      const shown =
        typeof property.default === 'string' && property.default !== ''
          ? property.default
          : JSON.stringify(property.default);
      assert.equal(rows.get(name), shown, `the README's default of ${name}`);
    }
    assert.deepEqual(
      [...rows.keys()].filter((name) => !(name in properties)),
      [],
      'settings in the README that package.json does not declare',
    );
  });

  it('has a Quick start of exactly two commands and the screenshot it points at', () => {
    const quickStart = readme.split('## Quick start')[1]?.split('\n## ')[0] ?? '';
    const commands = quickStart.split('```sh')[1]?.split('```')[0].trim().split('\n') ?? [];
    assert.deepEqual(
      commands.map((c) => c.split('#')[0].trim()),
      ['npm install && npm start', 'npm install && npm test'],
    );
    for (const [, image] of readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
      assert.ok(fs.existsSync(path.join(ROOT, image)), `${image} exists`);
    }
  });
});
