import type { FunctionView, Setting } from '../model/template';
import { defineRule } from './define';
import { about } from './function-settings';
import { originNote, originRelated, settingFix } from './resolved';
import type { Rule } from './types';
import { formatInteger } from '../format-number';

/**
 * Lambda's configuration bounds for ordinary functions (Lambda developer guide, "Lambda quotas"). Managed Instances
 * have others.
 */
export const LAMBDA_LIMITS = {
  memoryMb: { min: 128, max: 10_240 },
  timeoutSeconds: { min: 1, max: 900 },
  ephemeralStorageMb: { min: 512, max: 10_240 },
} as const;

interface RangeRuleSpec {
  readonly id: string;
  readonly what: string;
  readonly unit: string;
  readonly bounds: { readonly min: number; readonly max: number };
  readonly read: (fn: FunctionView) => Setting<number>;
  readonly docs: { why: string; fact: string; example: string };
}

/** One rule per bounded numeric setting: the same check, message and clamp fix with the setting's own figures. */
function rangeRule(spec: RangeRuleSpec): Rule {
  return defineRule({
    id: spec.id,
    meta: {
      severity: 'error',
      fixable: true,
      docs: {
        summary:
          `A function's ${spec.what} is ` +
          `outside ${formatInteger(spec.bounds.min)}–${formatInteger(spec.bounds.max)} ${spec.unit}.`,
        why: spec.docs.why,
        fact: spec.docs.fact,
        example: spec.docs.example,
        fix:
          `Choose a value in range; the quick fix clamps it to the nearest bound where the value is written (a ` +
          `parameter's Default when it comes from one). Values that reach the template from samconfig.toml or ` +
          `the command line are changed there. Functions on Lambda Managed Instances ` +
          `(\`CapacityProviderConfig\`) have other bounds and are not checked.`,
      },
    },
    messages: {
      outOfRange:
        `{{subject}}: ${spec.what} {{value}} ${spec.unit}{{origin}} is outside the allowed ` +
        `{{min}}–{{max}} ${spec.unit}.{{where}}`,
    },
    check(context) {
      for (const fn of context.template.functions) {
        if (fn.managedInstances) continue;
        const setting = spec.read(fn);
        const value = setting.value;
        if (value === undefined || (value >= spec.bounds.min && value <= spec.bounds.max)) continue;
        const clamped = Math.min(spec.bounds.max, Math.max(spec.bounds.min, value));
        context.report({
          messageId: 'outOfRange',
          data: {
            value,
            origin: originNote(setting),
            min: formatInteger(spec.bounds.min),
            max: formatInteger(spec.bounds.max),
          },
          span: setting.span,
          about: about(fn, setting),
          logicalId: fn.logicalId,
          related: originRelated(setting),
          fixes: settingFix(context.template, setting, clamped, `Set ${spec.what}`),
        });
      }
    },
  });
}

export const lambdaMemoryRange = rangeRule({
  id: 'lambda-memory-range',
  what: 'memory',
  unit: 'MB',
  bounds: LAMBDA_LIMITS.memoryMb,
  read: (fn) => fn.memorySize,
  docs: {
    why: 'CloudFormation rejects a function whose MemorySize is out of range, and the whole stack rolls back.',
    fact:
      'Memory: 128–10,240 MB in 1-MB increments, default 128 (Lambda developer guide, "Lambda quotas", "Memory", ' +
      'from the Lambda pricing page and the CreateFunction API).',
    example: 'MemorySize: 16384',
  },
});

export const lambdaTimeoutRange = rangeRule({
  id: 'lambda-timeout-range',
  what: 'timeout',
  unit: 's',
  bounds: LAMBDA_LIMITS.timeoutSeconds,
  read: (fn) => fn.timeout,
  docs: {
    why: 'CloudFormation rejects a function whose Timeout is out of range; a timeout of 0 is also rejected.',
    fact:
      'Timeout: 1–900 s, default 3 (Lambda developer guide, "Lambda quotas", "Timeout", from the CreateFunction ' +
      'API documentation).',
    example: 'Timeout: 1200',
  },
});

export const lambdaEphemeralStorageRange = rangeRule({
  id: 'lambda-ephemeral-storage-range',
  what: 'ephemeral storage',
  unit: 'MB',
  bounds: LAMBDA_LIMITS.ephemeralStorageMb,
  read: (fn) => fn.ephemeralStorage,
  docs: {
    why: 'CloudFormation rejects a function whose EphemeralStorage.Size is out of range.',
    fact:
      '/tmp: 512–10,240 MB, default 512 (Lambda developer guide, "Lambda quotas", "Ephemeral storage", from the ' +
      'EphemeralStorage API reference).',
    example: 'EphemeralStorage:\n  Size: 256',
  },
});
