import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { costTooltipMarkdown, EMPTY_USAGE, estimateCost } from '../../../src/core/cost';
import { load } from '../helpers';

const EXAMPLE = path.resolve(__dirname, '../../../examples/sam-app/template.yaml');

describe('cost section of the explorer tooltip', () => {
  it('gives the monthly figure with its drivers, each line item, the usage assumed and the settings priced', () => {
    const report = estimateCost(load(fs.readFileSync(EXAMPLE, 'utf8'), EXAMPLE), EMPTY_USAGE);
    const fn = report.resources.find((r) => r.logicalId === 'ReportFunction')!;
    assert.equal(
      costTooltipMarkdown(fn),
      // 1M requests × 0.1 s × 1 GB = 100,000 GB-s × $0.0000133334 (arm64) = $1.33; 1M × $0.20 per million = $0.20;
      // before the free tier, which the stack total credits once.
      [
        '**≈ $2.04/mo** · 1M req × 100 ms @ 1024 MB arm64',
        '',
        '- Compute \\(arm64\\): $1.33',
        '- Requests: $0.20',
        '- CloudWatch Logs ingestion \\(Lambda volume tiers\\): $0.48',
        '- CloudWatch Logs storage \\(one month of logs\\): $0.03',
        '- monthlyRequests: 1,000,000 — default \\(priced with this default\\)',
        '- averageDurationMs: 100 — default \\(priced with this default\\)',
        '- logKbPerInvocation: 1 — default \\(priced with this default\\)',
        '- monthlyNatGb: 0 — default',
        '- provisionedHours: 730 — default',
        '- MemorySize: 1024 MB — as written',
        '- Architectures: arm64 — Globals',
        '- EphemeralStorage: 512 MB — Lambda default',
        '',
        '_Before the free tier, which the stack total credits once for the account._',
      ].join('\n'),
    );
  });
});
