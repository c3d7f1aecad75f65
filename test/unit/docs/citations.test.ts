import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

/** Every file the product ships or documents itself with: its sources, docs, data and README. */
function productFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(ts|md|json)$/.test(e.name)) found.push(full);
    }
  };
  for (const dir of ['src', 'docs', 'data']) walk(path.join(ROOT, dir));
  return [...found, path.join(ROOT, 'README.md'), path.join(ROOT, 'ARCHITECTURE.md')];
}

describe('citations', () => {
  it("cite AWS's own pages, never the project's working notes outside the repository", () => {
    const offenders = productFiles().flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(ROOT, file)}:${i + 1}` }))
        // Tests that read ../shared say so in README and ARCHITECTURE; the product cites nothing there.
        .filter(
          ({ line }) =>
            /aws-facts\.md|lambda-protocols\.md/.test(line) || (/\.\.\/shared/.test(line) && !/skip/.test(line)),
        ),
    );
    assert.deepEqual(
      offenders.map((o) => o.at),
      [],
    );
  });
});
