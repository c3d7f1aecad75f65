import type { MapEntry, Node } from '../../model/nodes';
import { booleanOf, entryOf, mapAt, valueOf } from '../../model/nodes';
import type { SamCheck, SamProblem } from './check';
import { samResources } from './check';

const API_TYPES = ['AWS::Serverless::Api', 'AWS::Serverless::HttpApi'];

/**
 * The operations of an OpenAPI path item (OpenAPI Specification, "Path Item Object"), and API Gateway's extension
 * for any method ("x-amazon-apigateway-any-method").
 */
const OPERATIONS = new Set([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
  'x-amazon-apigateway-any-method',
]);

/**
 * SAM reads and edits an inline `DefinitionBody` through its OpenAPI editor, which refuses a document whose
 * paths, operations or security are not the objects and lists OpenAPI defines (OpenAPI Specification, "Paths
 * Object", "Operation Object", "Security Requirement Object"). Values given by an intrinsic are not judged.
 */
export const definitionBodyStructure: SamCheck = {
  messages: {
    pathNotObject: "Path '{{path}}' of DefinitionBody must be an object of operations, not {{what}}.",
    operationNotObject:
      "Operation '{{method}}' of path '{{path}}' must be an object (with responses and an integration), not {{what}}.",
    responsesNotObject: "The responses of '{{method}} {{path}}' must be an object keyed by status code, not {{what}}.",
    securityNotList: "The security of '{{method}} {{path}}' must be a list of security requirements, not {{what}}.",
    securityItemNotObject:
      "Each security requirement of '{{method}} {{path}}' must be an object naming a scheme and its scopes ({ " +
      'MyAuthorizer: [] }), not {{what}}.',
    securityDefinitionsNotObject: 'securityDefinitions must be an object keyed by scheme name, not {{what}}.',
  },
  check(template, report) {
    for (const { resource, properties } of API_TYPES.flatMap((type) => samResources(template, type))) {
      const body = mapAt(properties, 'DefinitionBody');
      if (!body) continue;
      const at = (messageId: string, node: Node, data: Record<string, string>): void =>
        report({
          messageId,
          span: node.span,
          data: { ...data, what: described(node) },
          logicalId: resource.logicalId,
        } satisfies SamProblem);
      const merged = booleanOf(valueOf(properties, 'MergeDefinitions')) === true;
      const definitions = entryOf(body, 'securityDefinitions');
      if (definitions && notA('map', definitions.value)) at('securityDefinitionsNotObject', definitions.value, {});
      for (const path of mapAt(body, 'paths')?.entries ?? []) {
        if (notA('map', path.value)) {
          at('pathNotObject', path.value, { path: path.key });
          continue;
        }
        for (const operation of operationsOf(path)) checkOperation(operation, path.key, merged, at);
      }
    }
  },
};

function operationsOf(path: MapEntry): MapEntry[] {
  return path.value.kind === 'map' ? path.value.entries.filter((e) => OPERATIONS.has(e.key.toLowerCase())) : [];
}

/** With MergeDefinitions SAM merges its own document into the body instead of editing each operation's security. */
function checkOperation(
  operation: MapEntry,
  path: string,
  merged: boolean,
  at: (messageId: string, node: Node, data: Record<string, string>) => void,
): void {
  const data = { method: operation.key, path };
  if (isEmpty(operation.value)) return;
  if (notA('map', operation.value)) {
    at('operationNotObject', operation.value, data);
    return;
  }
  const responses = entryOf(operation.value, 'responses');
  if (responses && notA('map', responses.value)) at('responsesNotObject', responses.value, data);
  const security = entryOf(operation.value, 'security');
  if (!security || merged) return;
  if (notA('seq', security.value)) at('securityNotList', security.value, data);
  else if (security.value.kind === 'seq') {
    for (const item of security.value.items) if (notA('map', item)) at('securityItemNotObject', item, data);
  }
}

/** An empty operation is one SAM fills in when an event adds its integration there. */
function isEmpty(node: Node): boolean {
  return node.kind === 'scalar' && node.value === null;
}

/** A written value of another kind; an intrinsic may produce anything, so it is never "not a map". */
function notA(kind: 'map' | 'seq', node: Node): boolean {
  return node.kind !== kind && node.kind !== 'intrinsic';
}

function described(node: Node): string {
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'map') return 'an object';
  if (node.kind === 'scalar')
    return node.value === null || node.value === ''
      ? 'empty'
      : `the ${typeof node.value} ${JSON.stringify(node.value)}`;
  return node.name;
}
