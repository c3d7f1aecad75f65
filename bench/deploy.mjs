// Deploy packaging and Sync Code against the local AWS protocol servers (test/fakes/aws): packaging time and bytes
// uploaded for the examples' SAM template (first into an empty bucket, then unchanged), and the time from Sync Code
// to the function reported updated (UpdateFunctionCode, then GetFunction until LastUpdateStatus is Successful).
import { createRequire } from 'module';
import path from 'path';
import { measureAsync } from './measure.mjs';

const require = createRequire(import.meta.url);
require('../scripts/register-ts.cjs');
const { packageTemplate, zipLocalCode } = require('../src/core/deploy/package.ts');
const { loadChildTemplate, syncFunctionCode } = require('../src/core/deploy/index.ts');
const { startFakeAws, TEST_CREDENTIALS } = require('../test/fakes/aws/index.ts');
const { openArtifactStore } = require('../src/core/deploy/s3-store.ts');
const { loadDeploySdk } = require('../src/core/deploy/sdk.ts');

const EXAMPLE = path.resolve('examples/sam-app/template.yaml');

export async function run() {
  Object.assign(process.env, TEST_CREDENTIALS);
  const aws = await startFakeAws();
  const rows = [];
  try {
    const template = loadChildTemplate(EXAMPLE);
    const sdk = loadDeploySdk();
    const connection = { region: 'us-east-1', endpoints: aws.endpoints };
    const store = await openArtifactStore(sdk, connection, { bucket: { managed: true } });
    let first;
    const start = performance.now();
    first = await packageTemplate(template, store, { loadChild: loadChildTemplate });
    const firstMs = performance.now() - start;
    rows.push({
      name: 'package examples/sam-app, empty bucket',
      medianMs: Math.round(firstMs * 100) / 100,
      runs: 1,
      note: `${first.artifacts.length} artifacts, ${first.uploadedBytes} bytes uploaded`,
    });
    let again;
    const unchanged = await measureAsync(
      async () => {
        again = await packageTemplate(template, store, { loadChild: loadChildTemplate });
      },
      { runs: 20, warmup: 2 },
    );
    rows.push({
      name: 'package examples/sam-app, unchanged (HeadObject only)',
      ...unchanged,
      note: `${again.uploadedBytes} bytes uploaded`,
    });
    store.dispose();

    const logicalId =
      template.functions.find((f) => f.runtime?.value?.startsWith('nodejs'))?.logicalId ??
      template.functions[0].logicalId;
    const name = 'orders-sync-bench';
    const view = template.functions.find((f) => f.logicalId === logicalId);
    aws.lambda.checksUntilUpdated = 0;
    let edition = 0;
    const sync = await measureAsync(
      async () => {
        aws.lambda.addFunction(name, Buffer.from(`old ${edition++}`));
        const outcome = await syncFunctionCode({
          template: {
            ...template,
            functions: template.functions.map((f) => (f === view ? { ...f, functionName: { value: name } } : f)),
          },
          logicalId,
          connection,
        });
        if (outcome.status !== 'updated') throw new Error(JSON.stringify(outcome));
      },
      { runs: 10, warmup: 1 },
    );
    const zip = await zipLocalCode(template, logicalId, path.resolve('examples/sam-app/src/orders'));
    rows.push({
      name: `Sync Code ${logicalId} to function updated (local servers)`,
      ...sync,
      note: `${zip.bytes.length}-byte zip; Lambda here reports Successful at the first check, AWS takes seconds`,
    });
  } finally {
    await aws.close();
  }
  return rows;
}
