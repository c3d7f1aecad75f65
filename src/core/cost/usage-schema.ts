import type { CostKind } from './kinds';
import { typesOfKind, USAGE_KEYS } from './kinds';

/**
 * The JSON schema of the usage file, built from the same table the engine reads (so completion can
 * never offer a key the engine ignores). Written to schemas/usage.schema.json by
 * `node scripts/update-usage-schema.mjs`; a unit test checks the committed file is current.
 */
export function usageSchema(): unknown {
  const kinds = Object.keys(USAGE_KEYS) as CostKind[];
  const valuesOf = (kind: CostKind): unknown => ({
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      Object.entries(USAGE_KEYS[kind]).map(([key, spec]) => [
        key,
        {
          type: 'number',
          minimum: 0,
          default: spec.fallback,
          description: `${spec.meaning}. Default ${spec.fallback}.`,
        },
      ]),
    ),
  });
  const allKeys: Record<string, unknown> = {};
  for (const kind of kinds) {
    for (const [key, spec] of Object.entries(USAGE_KEYS[kind])) {
      allKeys[key] ??= { type: 'number', minimum: 0, description: `${spec.meaning} (default ${spec.fallback}).` };
    }
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://serverless-workbench.dev/schemas/usage.schema.json',
    title: 'Serverless Workbench usage file',
    description:
      'Monthly traffic the template cannot tell, for the cost estimates. Keys left out follow the wiring, then ' +
      '`defaults`, then the built-in defaults.',
    type: 'object',
    additionalProperties: false,
    required: ['version'],
    properties: {
      version: { const: 1, description: 'Format version of this file.' },
      region: {
        type: 'string',
        pattern: '^[a-z]{2}(-[a-z]+)+-\\d$',
        description: "AWS Region whose prices to use (default: the template's, else us-east-1).",
      },
      freeTier: {
        type: 'boolean',
        default: true,
        description:
          'Apply the permanent AWS free tier (Lambda 1M requests and 400,000 GB-s a month, SQS and SNS 1M, ...).',
      },
      defaults: {
        type: 'object',
        description: 'Usage for every resource of a type, keyed by resource type.',
        properties: Object.fromEntries(
          kinds.flatMap((kind) => typesOfKind(kind).map((type) => [type, valuesOf(kind)])),
        ),
        additionalProperties: { type: 'object', properties: allKeys, additionalProperties: false },
      },
      resources: {
        type: 'object',
        description: 'Usage of one resource, keyed by logical ID.',
        additionalProperties: { type: 'object', properties: allKeys, additionalProperties: false },
      },
    },
  };
}
