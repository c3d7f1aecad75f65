import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { memoryCurve, parseUsageFile, pricesFor, scaledDuration } from '../../../src/core/cost';
import type { CurvePoint, MemoryCurve } from '../../../src/core/cost';
import { load } from '../helpers';
import { fn, sam } from './helpers';

const USAGE =
  'version: 1\nfreeTier: false\nresources:\n  Work:\n    monthlyRequests: 1000000\n    averageDurationMs: 1000\n ' +
  '   logKbPerInvocation: 0\n';
const lambda = pricesFor('us-east-1').sheet.lambda;
const x86PerGbS = lambda.durationUsdPerGbSecond.x86_64[0].usd;
const armPerGbS = lambda.durationUsdPerGbSecond.arm64[0].usd;
const requestsUsd = 1_000_000 * lambda.requestUsd;

function curveOf(...props: string[]): MemoryCurve {
  const template = load(sam(...fn('Work', ...props)));
  const curve = memoryCurve(template, parseUsageFile(USAGE).usage, {}, 'Work');
  assert.ok(curve);
  return curve;
}
const at = (curve: MemoryCurve, memoryMb: number, arch = 'x86_64'): CurvePoint => {
  const point = curve.points.find((p) => p.memoryMb === memoryMb && p.arch === arch);
  assert.ok(point, `a point at ${memoryMb} MB ${arch}`);
  return point;
};

describe('memory/cost curve', () => {
  it('scales duration with the CPU share up to one vCPU at 1,769 MB, then keeps it', () => {
    assert.equal(scaledDuration(1000, 512, 1024), 500);
    assert.equal(scaledDuration(1000, 512, 128), 4000);
    assert.equal(scaledDuration(1000, 512, 3538), (1000 * 512) / 1769);
    assert.equal(scaledDuration(1000, 4096, 8192), 1000, 'past one vCPU a single thread gets no faster');
  });

  it('costs the same GB-seconds below 1,769 MB and more above, from 128 MB to 10,240 MB', () => {
    const curve = curveOf('MemorySize: 512');
    // 1M requests × 1 s × 0.5 GB = 500,000 GB-s at 512 MB; 128 MB runs 4 s, 1,024 MB 0.5 s: the same GB-s.
    const flat = 500_000 * x86PerGbS + requestsUsd;
    for (const mb of [128, 512, 1024])
      assert.ok(Math.abs(at(curve, mb).monthlyUsd - flat) < 1e-6, `${mb} MB costs ${flat}`);
    // 10,240 MB: 1000 × 512 / 1769 ms, billed rounded up to the ms, at 10 GB.
    const ms = Math.ceil((1000 * 512) / 1769);
    assert.ok(Math.abs(at(curve, 10240).monthlyUsd - (1_000_000 * (ms / 1000) * 10 * x86PerGbS + requestsUsd)) < 1e-6);
    assert.equal(curve.points[0].memoryMb, 128);
    assert.equal(Math.max(...curve.points.map((p) => p.memoryMb)), 10240);
  });

  it('marks the current setting and prices arm64 beside x86_64', () => {
    const curve = curveOf('MemorySize: 700');
    assert.deepEqual(
      { ...curve.current, monthlyUsd: undefined },
      { memoryMb: 700, arch: 'x86_64', durationMs: 1000, monthlyUsd: undefined },
    );
    assert.equal(at(curve, 700).durationMs, 1000, 'the current size is on the curve even off the grid');
    const computeArm = at(curve, 2048, 'arm64').monthlyUsd - requestsUsd;
    const computeX86 = at(curve, 2048).monthlyUsd - requestsUsd;
    assert.ok(Math.abs(computeArm / computeX86 - armPerGbS / x86PerGbS) < 1e-9);
    assert.match(curve.model, /1,769 MB/);
    assert.equal(curve.durationSource, 'usage file');
  });

  it('agrees with the full estimate at the current setting, traffic inferred from the API included', () => {
    const file = path.resolve(__dirname, '../../../examples/sam-app/template.yaml');
    const template = load(fs.readFileSync(file, 'utf8'), file);
    const usage = parseUsageFile('version: 1\nresources:\n  ServerlessRestApi: { monthlyRequests: 3000000 }\n').usage;
    for (const fn of template.functions) {
      const curve = memoryCurve(template, usage, {}, fn.logicalId)!;
      const { memoryMb, arch, monthlyUsd } = curve.current;
      assert.ok(
        Math.abs(at(curve, memoryMb, arch).monthlyUsd - monthlyUsd) < 1e-9,
        `${fn.logicalId}: the curve passes through the estimate`,
      );
    }
  });

  it('leaves arm64 out for a runtime that cannot run on it, and has no curve for an unknown function', () => {
    const template = load(
      sam(
        'Work:',
        '  Type: AWS::Serverless::Function',
        '  Properties:',
        '    Runtime: go1.x',
        '    Handler: main',
        '    MemorySize: 512',
      ),
    );
    const usage = parseUsageFile(USAGE).usage;
    assert.deepEqual([...new Set(memoryCurve(template, usage, {}, 'Work')!.points.map((p) => p.arch))], ['x86_64']);
    assert.equal(memoryCurve(template, usage, {}, 'Nope'), undefined);
  });
});
