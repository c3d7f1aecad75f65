import { defineRule } from './define';
import { writtenResources, typeScalar } from './resource-entries';
import { closest, didYouMean } from './suggest';
import type { MapEntry } from '../model/nodes';
import { renameFix, unquoted } from './edits';
import type { RuleContext } from './types';

/**
 * The keys of a resource entry (CloudFormation user guide, "Resources template section" and "Resource attribute
 * reference").
 */
const CLOUDFORMATION_KEYS = [
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'Metadata',
  'DeletionPolicy',
  'UpdatePolicy',
  'UpdateReplacePolicy',
  'CreationPolicy',
];
/**
 * SAM adds embedded connectors on any source resource ("AWS SAM connectors") and IgnoreGlobals on its own types
 * ("Globals section of the AWS SAM template").
 */
const SAM_CONNECTORS = 'Connectors';
const SAM_IGNORE_GLOBALS = 'IgnoreGlobals';
/**
 * Custom resources also accept a legacy `Version` key (kept by cfn-lint's custom resource schema, accepted by
 * CloudFormation).
 */
const CUSTOM_RESOURCE_VERSION = 'Version';
const CUSTOM_TYPE = /^(Custom::|AWS::CloudFormation::CustomResource$)/;
/** A resource-level `Fn::Transform` (AWS::Include of a snippet) is replaced by the snippet before the keys are read. */
const TRANSFORM_KEY = 'Fn::Transform';

/**
 * Values of DeletionPolicy and UpdateReplacePolicy (CloudFormation user guide, "DeletionPolicy attribute",
 * "UpdateReplacePolicy attribute").
 */
const POLICY_VALUES = ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'];
const POLICY_KEYS = ['DeletionPolicy', 'UpdateReplacePolicy'];
const SNAPSHOT = 'Snapshot';
/**
 * Types that can take a snapshot before deletion, as the "DeletionPolicy attribute" page lists them (with DocumentDB
 * and Neptune clusters, which share RDS's engine). A type outside the list gets a warning, not an error: AWS adds
 * types.
 */
const SNAPSHOT_TYPES = [
  'AWS::EC2::Volume',
  'AWS::ElastiCache::CacheCluster',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::Redshift::Cluster',
  'AWS::DocDB::DBCluster',
  'AWS::Neptune::DBCluster',
];

export const resourceAttributeInvalid = defineRule({
  id: 'resource-attribute-invalid',
  meta: {
    severity: 'error',
    fixable: true,
    kinds: ['sam', 'cloudformation', 'serverless'],
    docs: {
      summary:
        'A resource has a key CloudFormation does not know (Description, a misspelt Properties) or a ' +
        'DeletionPolicy/UpdateReplacePolicy value it does not accept.',
      why:
        'CloudFormation rejects the template ("Invalid template resource property \'Propertes\'"); a misspelt ' +
        'Properties would otherwise drop every property.',
      fact:
        'A resource entry has Type, Properties, DependsOn, Condition, Metadata, DeletionPolicy, UpdatePolicy, ' +
        'UpdateReplacePolicy and CreationPolicy (CloudFormation user guide, "Resources template section", ' +
        '"Resource attribute reference"); SAM adds Connectors ("AWS SAM connectors") and IgnoreGlobals on its ' +
        'own types ("Globals section of the AWS SAM template"). DeletionPolicy and UpdateReplacePolicy take ' +
        'Delete, Retain, RetainExceptOnCreate (DeletionPolicy only) or Snapshot, the last only for types that ' +
        'keep snapshots (EBS volumes, ElastiCache, RDS, Redshift, DocumentDB and Neptune clusters; a warning ' +
        'elsewhere, "DeletionPolicy attribute").',
      example: 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Propertes:\n      DelaySeconds: 5',
      fix:
        'Rename the key (the quick fix offers the closest one), move a Description into Metadata or Properties, ' +
        'or remove it.',
    },
  },
  messages: {
    key: "'{{key}}' is not a resource attribute.{{suggestion}} A resource may have: {{allowed}}.",
    policy: "{{attribute}} '{{value}}' is not accepted.{{suggestion}} Use one of: {{allowed}}.",
    snapshot:
      '{{attribute}} Snapshot applies to resources that keep data in snapshots ({{types}}); CloudFormation ' +
      'refuses it for {{type}}. Use Retain to keep the resource.',
  },
  check(context) {
    const { template } = context;
    for (const written of writtenResources(template)) {
      const type = typeScalar(written)?.value ?? '';
      const allowed = [
        ...CLOUDFORMATION_KEYS,
        ...(template.kind === 'sam' ? [SAM_CONNECTORS] : []),
        ...(template.kind === 'sam' && type.startsWith('AWS::Serverless::') ? [SAM_IGNORE_GLOBALS] : []),
        ...(CUSTOM_TYPE.test(type) ? [CUSTOM_RESOURCE_VERSION] : []),
      ];
      const logicalId = written.resource.logicalId;
      for (const entry of written.node.entries) {
        if (allowed.includes(entry.key) || entry.key.startsWith(TRANSFORM_KEY)) {
          if (POLICY_KEYS.includes(entry.key)) checkPolicy(context, entry, type, logicalId);
          continue;
        }
        const suggestion = closest(entry.key, allowed);
        context.report({
          messageId: 'key',
          data: { key: entry.key, suggestion: didYouMean(suggestion), allowed: allowed.join(', ') },
          span: entry.keySpan,
          logicalId,
          fixes: suggestion ? [renameFix(unquoted(template, entry.keySpan), suggestion)] : [],
        });
      }
    }
  },
});

/**
 * DeletionPolicy or UpdateReplacePolicy written as a plain string; an intrinsic (a parameter's value) is
 * CloudFormation's to check.
 */
function checkPolicy(context: RuleContext, entry: MapEntry, type: string, logicalId: string): void {
  const { template } = context;
  const { key: attribute, value } = entry;
  if (value.kind !== 'scalar' || typeof value.value !== 'string') return;
  // SAM hands a SAM type's policies to each resource it generates, which this rule does not see.
  if (
    value.value === SNAPSHOT &&
    type !== '' &&
    !type.startsWith('AWS::Serverless::') &&
    !SNAPSHOT_TYPES.includes(type)
  ) {
    const data = { attribute, type, types: SNAPSHOT_TYPES.join(', ') };
    context.report({
      messageId: 'snapshot',
      data,
      span: unquoted(template, value.span),
      logicalId,
      severity: 'warning',
    });
    return;
  }
  const values =
    attribute === 'UpdateReplacePolicy' ? POLICY_VALUES.filter((v) => v !== 'RetainExceptOnCreate') : POLICY_VALUES;
  if (values.includes(value.value)) return;
  const suggestion = closest(value.value, values);
  const span = unquoted(template, value.span);
  context.report({
    messageId: 'policy',
    data: { attribute, value: value.value, suggestion: didYouMean(suggestion), allowed: values.join(', ') },
    span,
    logicalId,
    fixes: suggestion ? [renameFix(span, suggestion)] : [],
  });
}
