import type { SchemaCatalog } from '../schema/catalog';
import { defineRule } from './define';
import { renameFix, replaceScalar } from './edits';
import { typeScalar, writtenResources } from './resource-entries';
import { closest } from './suggest';

/**
 * Namespaces AWS publishes resource types under; any other (`MongoDB::Atlas::Cluster`) is a third-party or private
 * registry type we cannot know.
 */
const AWS_NAMESPACES = ['AWS', 'Alexa'];
/** Custom resources name their own type (CloudFormation user guide, "Custom resources"). */
const CUSTOM_TYPE = /^Custom::/;
/** The CDK's own metadata resource, which CloudFormation accepts though the registry does not list it. */
const CDK_METADATA = 'AWS::CDK::Metadata';
/** Modules registered in the account (`Org::Service::Name::MODULE`, CloudFormation user guide, "Modules"). */
const MODULE_SUFFIX = '::MODULE';

interface TypeIndex {
  readonly known: ReadonlySet<string>;
  /** `AWS::Lambda` → [`Alias`, `Function`, ...]. */
  readonly namesByService: ReadonlyMap<string, readonly string[]>;
}

const indexes = new WeakMap<SchemaCatalog, TypeIndex>();

function typeIndex(catalog: SchemaCatalog): TypeIndex {
  let index = indexes.get(catalog);
  if (index) return index;
  const known = catalog.resourceTypes(true);
  const namesByService = new Map<string, string[]>();
  for (const type of known) {
    const [namespace, service, name] = type.split('::');
    const key = `${namespace}::${service}`;
    namesByService.set(key, [...(namesByService.get(key) ?? []), name]);
  }
  index = { known: new Set(known), namesByService };
  indexes.set(catalog, index);
  return index;
}

/** The existing type a misspelt one most likely meant: namespace, service and name corrected part by part. */
function suggestion(type: string, index: TypeIndex): string | undefined {
  const parts = type.split('::');
  if (parts.length !== 3) return closest(type, index.known);
  const namespace = AWS_NAMESPACES.find((n) => n.toLowerCase() === parts[0].toLowerCase()) ?? parts[0];
  const services = [...index.namesByService.keys()];
  const service = index.namesByService.has(`${namespace}::${parts[1]}`)
    ? `${namespace}::${parts[1]}`
    : closest(`${namespace}::${parts[1]}`, services);
  const names = service ? (index.namesByService.get(service) ?? []) : [];
  const name = names.includes(parts[2]) ? parts[2] : closest(parts[2], names);
  const candidate = service && name ? `${service}::${name}` : undefined;
  return candidate && candidate !== type && index.known.has(candidate) ? candidate : undefined;
}

export const resourceTypeUnknown = defineRule({
  id: 'resource-type-unknown',
  meta: {
    severity: 'error',
    fixable: true,
    docs: {
      summary: "A resource's Type is not a CloudFormation, SAM or Alexa resource type.",
      why:
        'CloudFormation rejects the template ("Template format error: Unrecognized resource types: [...]") ' +
        'before creating anything.',
      fact:
        'The types are those of the CloudFormation registry ("AWS resource and property types reference", ' +
        'CloudFormation template reference) and of the SAM specification ("AWS SAM resources and properties"), ' +
        'as of the data this version ships. Custom::<Name> and AWS::CloudFormation::CustomResource are custom ' +
        'resources ("Custom resources", CloudFormation user guide); types outside the AWS and Alexa namespaces ' +
        'are third-party or private registry extensions and are not checked. A type of a known service that our ' +
        'data does not list may be newer than it: a warning, not an error.',
      example: 'Resources:\n  Fn:\n    Type: AWS::Lambda::Functon',
      fix:
        'Correct the type (the quick fix offers the closest one). For a type newer than this version, update the ' +
        'extension or ignore the warning.',
    },
  },
  messages: {
    misspelt: "Resource type '{{type}}' does not exist. Did you mean '{{suggestion}}'?",
    newer:
      "Resource type '{{type}}' is not among the {{service}} types this version knows; if it is newer than our " +
      'data, ignore this warning.',
    unknown: "Resource type '{{type}}' does not exist: {{reason}}",
  },
  check(context) {
    const catalog = context.inputs.schemas;
    if (!catalog) return;
    const index = typeIndex(catalog);
    for (const written of writtenResources(context.template)) {
      const node = typeScalar(written);
      const type = node?.value;
      if (
        !node ||
        type === undefined ||
        index.known.has(type) ||
        type === CDK_METADATA ||
        CUSTOM_TYPE.test(type) ||
        type.endsWith(MODULE_SUFFIX)
      )
        continue;
      const namespace = type.split('::')[0];
      if (!AWS_NAMESPACES.some((n) => n.toLowerCase() === namespace.toLowerCase())) continue;
      const logicalId = written.resource.logicalId;
      const suggested = suggestion(type, index);
      if (suggested) {
        const fix = { ...renameFix(node.span, suggested), edits: [replaceScalar(context.template, node, suggested)] };
        context.report({
          messageId: 'misspelt',
          data: { type, suggestion: suggested },
          span: node.span,
          fixes: [fix],
          logicalId,
        });
        continue;
      }
      const parts = type.split('::');
      const service = parts.slice(0, 2).join('::');
      if (parts.length === 3 && AWS_NAMESPACES.includes(namespace) && index.namesByService.has(service)) {
        context.report({
          messageId: 'newer',
          data: { type, service },
          span: node.span,
          severity: 'warning',
          logicalId,
        });
        continue;
      }
      const reason =
        parts.length === 3
          ? `no service '${parts[1]}' publishes resource types in CloudFormation.`
          : 'a type is written Namespace::Service::Resource (AWS::SQS::Queue).';
      context.report({ messageId: 'unknown', data: { type, reason }, span: node.span, logicalId });
    }
  },
});
