import type { SchemaCatalog } from '../schema/catalog';

/**
 * Custom resources return whatever attributes their function sends back (CloudFormation user guide, "Custom
 * resources").
 */
const CUSTOM_RESOURCE = 'AWS::CloudFormation::CustomResource';

/**
 * The `Fn::GetAtt` attributes of a resource type, from the "Return values" of the CloudFormation registry schemas
 * (data/cfn-resource-types.json). A SAM type answers with those of the type the transform makes of it under the
 * same logical ID (SAM developer guide, "Generated AWS CloudFormation resources"). Undefined when the type's
 * attributes are not known: custom resources, third-party types, SAM types that leave no resource of their own.
 */
export function attributesOf(catalog: SchemaCatalog, type: string): readonly string[] | undefined {
  if (type === CUSTOM_RESOURCE) return undefined;
  const deployed = catalog.deployed(type);
  return deployed.spec ? Object.keys(deployed.spec.attrs ?? {}) : undefined;
}

/**
 * Whether `attribute` is one of `attributes`, counting the members of an attribute that is a map of its own
 * (a nested stack's `Outputs.BucketName`): one listed without any dotted sub-attribute.
 */
export function hasAttribute(attributes: readonly string[], attribute: string): boolean {
  if (attributes.includes(attribute)) return true;
  const dot = attribute.indexOf('.');
  if (dot < 0) return false;
  const head = attribute.slice(0, dot);
  return attributes.includes(head) && !attributes.some((a) => a.startsWith(`${head}.`));
}
