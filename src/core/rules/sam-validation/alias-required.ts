import type { MapEntry, Node } from '../../model/nodes';
import { booleanOf, entryOf, valueOf } from '../../model/nodes';
import type { Template } from '../../model/template';
import type { SamCheck } from './check';
import { samResources } from './check';

/** SAM resources that publish versions behind `AutoPublishAlias`. */
const PUBLISHING_TYPES = ['AWS::Serverless::Function', 'AWS::Serverless::StateMachine'];

/** Properties that act on the published versions, so they mean nothing without an alias. */
const NEEDS_ALIAS = ['DeploymentPreference', 'VersionDeletionPolicy'];

/**
 * An alias name as the translator accepts it: letters, digits, hyphens and underscores, not only digits
 * (Lambda API reference, "CreateAlias", Name pattern `(?!^[0-9]+$)([a-zA-Z0-9-_]+)`).
 */
const ALIAS_NAME = /^(?![0-9]+$)[a-zA-Z0-9_-]+$/;

/**
 * `AutoPublishAlias` names the alias SAM points at each new version; gradual deployments and the version
 * deletion policy work on those versions, and an alias needs a name Lambda accepts.
 */
export const aliasRequired: SamCheck = {
  messages: {
    needsAlias: '{{property}} acts on the versions SAM publishes, which needs AutoPublishAlias on this {{what}}.',
    emptyAlias: 'AutoPublishAlias{{origin}} is empty: SAM needs an alias name to create the alias.',
    aliasName:
      "AutoPublishAlias '{{name}}' is not a valid alias name: use letters, digits, hyphens and underscores, not " +
      'only digits.',
  },
  check(template, report) {
    for (const { resource, properties } of PUBLISHING_TYPES.flatMap((type) => samResources(template, type))) {
      const logicalId = resource.logicalId;
      const alias = entryOf(properties, 'AutoPublishAlias');
      const name = alias ? aliasName(template, alias.value) : undefined;
      if (alias && name === '') {
        report({
          messageId: 'emptyAlias',
          data: { origin: alias.value.kind === 'scalar' ? '' : ' (from its parameter)' },
          span: alias.value.span,
          logicalId,
        });
      } else if (name !== undefined && !ALIAS_NAME.test(name)) {
        report({ messageId: 'aliasName', data: { name }, span: alias!.value.span, logicalId });
      }
      if (alias && name !== '') continue;
      for (const property of NEEDS_ALIAS) {
        const entry = entryOf(properties, property);
        if (!entry || !enabled(entry)) continue;
        report({
          messageId: 'needsAlias',
          data: { property, what: resource.type === 'AWS::Serverless::Function' ? 'function' : 'state machine' },
          span: entry.keySpan,
          logicalId,
        });
      }
    }
  },
};

/** The alias name as SAM reads it: written, or the value of the one parameter it refers to. */
function aliasName(template: Template, node: Node): string | undefined {
  if (node.kind === 'scalar') return node.value === null ? undefined : String(node.value);
  if (node.kind !== 'intrinsic' || node.name !== 'Ref') return undefined;
  const evaluated = template.resolver.evaluate(node);
  return evaluated.known && typeof evaluated.value === 'string' ? evaluated.value : undefined;
}

/**
 * A deployment preference is on unless `Enabled` says otherwise; one switched by a parameter or condition is
 * not judged, as SAM resolves it with values only the deploy knows.
 */
function enabled(entry: MapEntry): boolean {
  if (entry.key !== 'DeploymentPreference' || entry.value.kind !== 'map') return true;
  const switched = valueOf(entry.value, 'Enabled');
  return switched === undefined || booleanOf(switched) === true;
}
