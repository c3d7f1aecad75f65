import { entryOf, mapAt, stringOf, valueOf } from '../model/nodes';
import type { Span } from '../model/nodes';
import type { FunctionView, Template } from '../model/template';
import { defineRule } from './define';
import { about, aboutProperty } from './function-settings';
import { notCreated, originNote, originRelated } from './resolved';
import type { RelatedLocation } from './types';
import { formatInteger } from '../format-number';
import { FUNCTION_NAME_MAX } from '../model/limits';

/** Lambda developer guide, "Lambda quotas": environment variables 4 KB in total (keys plus values); 5 layers. */
export const ENVIRONMENT_MAX_BYTES = 4096;
export const LAYERS_MAX = 5;
export { FUNCTION_NAME_MAX };
/**
 * Lambda developer guide, "Lambda quotas", "Concurrent executions" (1,000 by default) and "Reserved concurrency" (leave
 * 100 unreserved).
 */
export const DEFAULT_ACCOUNT_CONCURRENCY = 1000;
export const UNRESERVED_MINIMUM = 100;

/**
 * Keys Lambda sets itself and refuses in a function's configuration (Lambda developer guide, "Defined runtime
 * environment variables": "The keys for these environment variables are reserved and can't be set").
 */
export const RESERVED_ENVIRONMENT_KEYS: ReadonlySet<string> = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export const lambdaEnvSize = defineRule({
  id: 'lambda-env-size',
  meta: {
    severity: 'error',
    docs: {
      summary: `A function's environment variables add up to more than ${formatInteger(ENVIRONMENT_MAX_BYTES)} bytes.`,
      why:
        'Lambda rejects the configuration and the deploy fails. Values set through intrinsics are counted as ' +
        "they resolve (a parameter's Default or override, a mapping entry); values known only after deploy count " +
        'as empty, so the real total can only be higher.',
      fact:
        'Environment variables: 4 KB in total, all keys plus values (Lambda developer guide, "Lambda quotas"; ' +
        'cfn-lint E3697 sums the same way).',
      example: 'Environment:\n  Variables:\n    CONFIG: <a 5,000-character JSON document>',
      fix: 'Move large values to SSM Parameter Store, Secrets Manager or S3 and read them at start-up.',
    },
  },
  messages: {
    tooLarge:
      '{{subject}}: environment variables take {{bytes}} bytes (keys plus values); Lambda allows {{max}}.{{where}}',
  },
  check(context) {
    for (const fn of context.template.functions) {
      if (fn.environment.length === 0) continue;
      const bytes = fn.environment.reduce((sum, v) => sum + utf8Length(v.name) + utf8Length(v.resolved.value ?? ''), 0);
      if (bytes <= ENVIRONMENT_MAX_BYTES) continue;
      // Only a total made of inherited variables alone is the same for every function that inherits them; a
      // function that adds or overrides one has its own total.
      const inherited = fn.environment.find((v) => v.source === 'globals' || v.source === 'provider');
      const allInherited = inherited !== undefined && fn.environment.every((v) => v.source === inherited.source);
      context.report({
        messageId: 'tooLarge',
        data: { bytes: formatInteger(bytes), max: formatInteger(ENVIRONMENT_MAX_BYTES) },
        span: variablesSpan(context.template, fn, allInherited),
        about: about(fn, { source: allInherited ? inherited.source : 'resource' }),
        logicalId: fn.logicalId,
      });
    }
  },
});

/**
 * Where a function's environment variables are written: the `Variables` key (SAM merges Globals' in, so it is the
 * Globals one when the function has none of its own); for a serverless.yml whose variables all come from the
 * provider, the provider's `environment` key, since the function's own properties are built at its name.
 */
function variablesSpan(template: Template, fn: FunctionView, allInherited: boolean): Span {
  const providerKey = allInherited ? entryOf(template.serverless?.provider, 'environment')?.keySpan : undefined;
  const variables = entryOf(mapAt(fn.resource.properties, 'Environment'), 'Variables');
  return providerKey ?? variables?.keySpan ?? fn.environment[0].nameSpan;
}

export const lambdaEnvReservedName = defineRule({
  id: 'lambda-env-reserved-name',
  meta: {
    severity: 'error',
    docs: {
      summary:
        'A function sets an environment variable whose name Lambda reserves (AWS_REGION, AWS_ACCESS_KEY_ID, ' +
        '_HANDLER, ...).',
      why:
        'Lambda rejects the configuration ("Lambda was unable to configure your environment variables because ' +
        'the environment variables you have provided contains reserved keys").',
      fact:
        'The Lambda developer guide, "Defined runtime environment variables", lists the reserved keys; they are ' +
        'in RESERVED_ENVIRONMENT_KEYS in src/core/rules/lambda-config.ts.',
      example: 'Environment:\n  Variables:\n    AWS_REGION: eu-west-1',
      fix:
        'Rename the variable (for example APP_REGION); the runtime already provides AWS_REGION and the other ' +
        'reserved values.',
    },
  },
  messages: { reserved: "{{subject}}: '{{name}}' is reserved by Lambda and cannot be set.{{where}}" },
  check(context) {
    for (const fn of context.template.functions) {
      for (const v of fn.environment) {
        if (!RESERVED_ENVIRONMENT_KEYS.has(v.name)) continue;
        context.report({
          messageId: 'reserved',
          data: { name: v.name },
          span: v.nameSpan,
          about: about(fn, v),
          logicalId: fn.logicalId,
        });
      }
    }
  },
});

export const lambdaLayersCount = defineRule({
  id: 'lambda-layers-count',
  meta: {
    severity: 'error',
    docs: {
      summary: `A function uses more than ${LAYERS_MAX} layers.`,
      why:
        "Lambda rejects the function configuration. With SAM, Globals layers and the function's own are " +
        'concatenated, so the total can pass the limit without either list doing so.',
      fact: 'Function layers: 5 (Lambda developer guide, "Lambda quotas", "Layers per function").',
      example: 'Layers: [!Ref L1, !Ref L2, !Ref L3, !Ref L4, !Ref L5, !Ref L6]',
      fix: 'Merge layers, or ship some dependencies in the function package or a container image.',
    },
  },
  messages: {
    tooMany: '{{subject}} uses {{count}} layers; Lambda allows at most {{max}}. This is layer {{index}}.{{where}}',
  },
  check(context) {
    for (const fn of context.template.functions) {
      fn.layers.slice(LAYERS_MAX).forEach((layer, i) => {
        context.report({
          messageId: 'tooMany',
          data: { count: fn.layers.length, max: LAYERS_MAX, index: LAYERS_MAX + i + 1 },
          span: layer.span,
          about: aboutProperty(context.template, fn, layer.span),
          logicalId: fn.logicalId,
        });
      });
    }
  },
});

export const lambdaFunctionName = defineRule({
  id: 'lambda-function-name',
  meta: {
    severity: 'error',
    docs: {
      summary:
        `A function name is longer than ${FUNCTION_NAME_MAX} characters or uses characters other than letters, ` +
        `digits, hyphens and underscores.`,
      why:
        'Lambda rejects the name. With the Serverless Framework the name is `<service>-<stage>-<function>` ' +
        'unless set, so a long service name breaks every function.',
      fact:
        'Function name: at most 64 characters for a bare name, pattern [a-zA-Z0-9-_] (Lambda developer guide, ' +
        '"Lambda quotas", "Function name", from the Lambda API model).',
      example: 'FunctionName: orders-service-production-process-incoming-order-events-from-queue',
      fix:
        'Shorten the name (or the service/stage names it is built from), or leave FunctionName out and let ' +
        'CloudFormation generate one.',
    },
  },
  messages: {
    tooLong:
      "{{subject}}: the function name '{{name}}'{{origin}} has {{length}} characters; Lambda allows {{max}}.{{where}}",
    badCharacters:
      "{{subject}}: the function name '{{name}}'{{origin}} contains '{{characters}}'; only letters, digits, '-' " +
      "and '_' are allowed.{{where}}",
  },
  check(context) {
    for (const fn of context.template.functions) {
      const setting = fn.functionName;
      const name = setting?.value;
      if (!setting || name === undefined || name.includes('${') || /^arn:/.test(name)) continue;
      const base = { name, origin: originNote(setting) };
      const at = {
        span: setting.span,
        about: about(fn, setting),
        logicalId: fn.logicalId,
        related: originRelated(setting),
      };
      if (name.length > FUNCTION_NAME_MAX) {
        context.report({ messageId: 'tooLong', data: { ...base, length: name.length, max: FUNCTION_NAME_MAX }, ...at });
      }
      const bad = [...new Set(name.replace(/[a-zA-Z0-9_-]/g, ''))].join('');
      if (bad) context.report({ messageId: 'badCharacters', data: { ...base, characters: bad }, ...at });
    }
  },
});

export const lambdaReservedConcurrency = defineRule({
  id: 'lambda-reserved-concurrency',
  meta: {
    severity: 'error',
    docs: {
      summary:
        `Reserved concurrency that leaves fewer ` + `than ${UNRESERVED_MINIMUM} executions unreserved in the account.`,
      why:
        'Lambda refuses the reservation (PutFunctionConcurrency fails) and the deploy rolls back. The account ' +
        'limit is 1,000 by default; set `serverlessWorkbench.accountConcurrency` if yours was raised.',
      fact:
        'Concurrent executions: 1,000 per Region by default; "you leave at least 100 simultaneous executions ' +
        'unreserved" (Lambda developer guide, "Lambda quotas", "Reserved concurrency", from the ' +
        'PutFunctionConcurrency API).',
      example: 'ReservedConcurrentExecutions: 950',
      fix: 'Reserve less, or raise the account quota in Service Quotas and tell the extension the new limit.',
    },
  },
  messages: {
    single:
      '{{subject}} reserves {{value}}{{origin}} concurrent executions; with an account limit of {{limit}} at ' +
      'most {{max}} can be reserved (100 must stay unreserved).{{where}}',
    total:
      'Reserved concurrency in this template adds up to {{total}} with {{subject}}; with an account limit of ' +
      '{{limit}} at most {{max}} can be reserved in total.{{where}}',
  },
  check(context) {
    const limit = context.inputs.accountConcurrency ?? DEFAULT_ACCOUNT_CONCURRENCY;
    const max = limit - UNRESERVED_MINIMUM;
    let total = 0;
    const earlier: RelatedLocation[] = [];
    for (const fn of context.template.functions) {
      const setting = fn.reservedConcurrency;
      const value = setting?.value;
      if (!setting || value === undefined) continue;
      const data = { value, origin: originNote(setting), limit, max };
      if (value > max) {
        context.report({
          messageId: 'single',
          data,
          span: setting.span,
          about: about(fn, setting),
          logicalId: fn.logicalId,
          related: originRelated(setting),
        });
      }
      // A function the stack does not create reserves nothing from the account.
      if (notCreated(fn.resource)) continue;
      total += value;
      if (value <= max && total > max) {
        context.report({
          messageId: 'total',
          data: { ...data, total },
          span: setting.span,
          about: about(fn, setting),
          logicalId: fn.logicalId,
          related: [...earlier, ...originRelated(setting)],
        });
      }
      earlier.push({ span: setting.span, message: `${fn.displayName} reserves ${value}${originNote(setting)}` });
    }
  },
});

const SNAPSTART_RUNTIMES = /^(java(1[1-9]|[2-9]\d)(\.al2023)?|python3\.(1[2-9]|[2-9]\d)|dotnet([89]|[1-9]\d))$/;

/** The reasons a SnapStart function cannot deploy, each with the setting that causes it. */
function snapStartConflicts(fn: FunctionView): { reason: string; span?: { start: number; end: number } }[] {
  const props = fn.resource.properties;
  const conflicts: { reason: string; span?: { start: number; end: number } }[] = [];
  const runtime = fn.runtime?.value;
  if (fn.packageType === 'Image') conflicts.push({ reason: 'container images do not support SnapStart' });
  else if (runtime && !SNAPSTART_RUNTIMES.test(runtime))
    conflicts.push({
      reason: `${runtime} does not support SnapStart (Java 11+, Python 3.12+ and .NET 8+ do)`,
      span: fn.runtime?.span,
    });
  if (fn.provisionedConcurrency)
    conflicts.push({
      reason: 'SnapStart cannot be combined with provisioned concurrency',
      span: fn.provisionedConcurrency.span,
    });
  const efs = entryOf(props, 'FileSystemConfigs');
  if (efs) conflicts.push({ reason: 'SnapStart cannot be used with an EFS file system', span: efs.keySpan });
  if ((fn.ephemeralStorage.value ?? 512) > 512)
    conflicts.push({ reason: 'SnapStart allows at most 512 MB of ephemeral storage', span: fn.ephemeralStorage.span });
  return conflicts;
}

export const snapstartIncompatible = defineRule({
  id: 'snapstart-incompatible',
  meta: {
    severity: 'error',
    docs: {
      summary:
        'SnapStart is turned on for a function that cannot use it (runtime, container image, provisioned ' +
        'concurrency, EFS, or more than 512 MB of /tmp).',
      why: 'Lambda rejects the configuration when the function or its version is published.',
      fact:
        'SnapStart supports Java 11+, Python 3.12+ and .NET 8+, not container images; it is not compatible with ' +
        'provisioned concurrency, EFS or ephemeral storage over 512 MB (Lambda developer guide, "Lambda quotas", ' +
        '"SnapStart", cfn-lint E2530).',
      example: 'Runtime: nodejs22.x\nSnapStart:\n  ApplyOn: PublishedVersions',
      fix: 'Remove SnapStart, or remove the conflicting setting the message names.',
    },
  },
  messages: { conflict: '{{subject}}: {{reason}}.{{where}}' },
  check(context) {
    for (const fn of context.template.functions) {
      const snapStart = entryOf(fn.resource.properties, 'SnapStart');
      if (!snapStart || stringOf(valueOf(snapStart.value, 'ApplyOn')) !== 'PublishedVersions') continue;
      for (const conflict of snapStartConflicts(fn)) {
        context.report({
          messageId: 'conflict',
          data: { reason: conflict.reason },
          span: snapStart.keySpan,
          about: aboutProperty(context.template, fn, snapStart.keySpan),
          logicalId: fn.logicalId,
          related: conflict.span ? [{ span: conflict.span, message: 'the conflicting setting' }] : [],
        });
      }
    }
  },
});

export const provisionedConcurrencyWithoutAlias = defineRule({
  id: 'provisioned-concurrency-without-alias',
  meta: {
    severity: 'error',
    kinds: ['sam'],
    docs: {
      summary: 'A SAM function sets ProvisionedConcurrencyConfig without AutoPublishAlias.',
      why:
        'Provisioned concurrency applies to a published version or alias, never $LATEST; the SAM transform fails ' +
        'without an alias to attach it to.',
      fact:
        'Provisioned concurrency only on a published version or alias; in SAM it needs AutoPublishAlias (Lambda ' +
        'developer guide, "Lambda quotas", "Provisioned concurrency", SAM schema).',
      example: 'ProvisionedConcurrencyConfig:\n  ProvisionedConcurrentExecutions: 5',
      fix: 'Add `AutoPublishAlias: live` to the function (or to Globals).',
    },
  },
  messages: {
    noAlias:
      '{{subject}} sets provisioned concurrency but has no AutoPublishAlias; SAM needs an alias to attach it ' +
      'to.{{where}}',
  },
  check(context) {
    for (const fn of context.template.functions) {
      const pc = fn.provisionedConcurrency;
      if (!pc || fn.autoPublishAlias || fn.resource.type !== 'AWS::Serverless::Function') continue;
      const key = entryOf(fn.resource.properties, 'ProvisionedConcurrencyConfig');
      context.report({
        messageId: 'noAlias',
        span: key?.keySpan ?? pc.span,
        about: about(fn, pc),
        logicalId: fn.logicalId,
      });
    }
  },
});
