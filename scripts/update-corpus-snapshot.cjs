// `npm run snapshot`: writes test/snapshots/corpus-findings/*.txt, the findings of every rule on the shared
// corpus, after a change to a rule that is meant to change them (the unit test compares against these files).
require('./register-ts.cjs');
const fs = require('fs');
const path = require('path');
const { CORPUS_FOLDERS, SNAPSHOT_DIR, snapshotFile, snapshotOf } = require('../test/snapshots/corpus-findings.ts');

const corpus = path.resolve(process.env.SWB_SHARED ?? path.join(__dirname, '../../shared'), 'corpus');
if (!fs.existsSync(corpus)) {
  console.error(`${corpus} is missing (set SWB_SHARED to the shared folder): nothing written`);
  process.exit(2);
}
(async () => {
  fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
  for (const folder of CORPUS_FOLDERS) {
    const text = await snapshotOf(corpus, folder);
    fs.writeFileSync(snapshotFile(folder), text);
    console.log(`${path.relative(process.cwd(), snapshotFile(folder))}: ${text.split('\n').length - 1} lines`);
  }
})();
