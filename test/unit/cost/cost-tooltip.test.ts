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
      [
        '**≈ $0.64/mo** · 1M req × 100 ms @ 1024 MB arm64',
        '',
        '- Compute \\(arm64\\): $0.00',
        '- Requests: $0.13',
        '- CloudWatch Logs ingestion \\(Lambda volume tiers\\): $0.48',
        '- CloudWatch Logs storage \\(one month of logs\\): $0.03',
        '- monthlyRequests: 1,000,000 — default',
        '- averageDurationMs: 100 — default',
        '- logKbPerInvocation: 1 — default',
        '- monthlyNatGb: 0 — default',
        '- MemorySize: 1024 MB — as written',
        '- Architectures: arm64 — Globals',
        '- EphemeralStorage: 512 MB — Lambda default',
      ].join('\n'),
    );
  });
});
