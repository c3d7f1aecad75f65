import type { MapNode } from '../nodes';
import { mapAt, stringOf } from '../nodes';
import type { ResolutionInputs } from '../resolve/types';
import type { GeneratedIdConflict, Resource } from '../template';
import { IMPLICIT_HTTP_API, IMPLICIT_REST_API, implicitApiResources, httpApiResources, restApiResources } from './api';
import { GeneratedResources } from './collector';
import type { SamContext } from './context';
import { functionResources } from './function';
import { connectorResources, embeddedConnectorResources } from './connectors';
import { graphQlResources } from './graphql';
import { capacityProviderResources, stateMachineResources } from './state-machine';
import { webSocketResources } from './websocket';
import { deployedAs, deployedType } from './transformed';
import { samParameterValues } from './parameter-values';

type Generator = (ctx: SamContext, resource: Resource) => void;

const GENERATORS: Readonly<Record<string, Generator>> = {
  'AWS::Serverless::Function': functionResources,
  'AWS::Serverless::Api': restApiResources,
  'AWS::Serverless::HttpApi': httpApiResources,
  'AWS::Serverless::StateMachine': stateMachineResources,
  'AWS::Serverless::CapacityProvider': capacityProviderResources,
  'AWS::Serverless::Connector': connectorResources,
  'AWS::Serverless::GraphQLApi': graphQlResources,
  'AWS::Serverless::WebSocketApi': webSocketResources,
};

/**
 * The SAM transform's view of the written resources (Globals already merged): each SAM resource with
 * the CloudFormation resource it becomes (`deployedAs`), and the resources SAM adds for them (roles,
 * implicit APIs, stages, permissions, event source mappings, versions and aliases, ...), named as the
 * translator names them. One pass over the resources, then the implicit APIs their events asked for.
 */
export function transformSam(
  written: readonly Resource[],
  root: MapNode,
  text: string,
  inputs?: ResolutionInputs,
): { written: Resource[]; generated: Resource[]; conflicts: GeneratedIdConflict[] } {
  const byId = new Map<string, Resource>();
  for (const r of written) if (!byId.has(r.logicalId)) byId.set(r.logicalId, r);
  const globals = mapAt(root, 'Globals');
  const parameterValues = samParameterValues(root, inputs);
  const ctx: SamContext = {
    out: new GeneratedResources(byId, text),
    globalApi: mapAt(globals, 'Api'),
    globalHttpApi: mapAt(globals, 'HttpApi'),
    implicitRestEvents: [],
    implicitHttpEvents: [],
    resolveString: (node) =>
      node?.kind === 'intrinsic' && node.name === 'Ref'
        ? scalarString(parameterValues.get(stringOf(node.argument) ?? ''))
        : stringOf(node),
    parameterValues,
  };
  const transformed = written.map((r) => {
    GENERATORS[r.type]?.(ctx, r);
    embeddedConnectorResources(ctx, r);
    const as = deployedAs(r, parameterValues);
    return as ? { ...r, deployedAs: as } : r;
  });
  implicitApiResources(ctx);
  // The implicit APIs are meant to take over a written resource of their name (see replacedByImplicitApis).
  const conflicts = ctx.out.conflicts.filter(
    (c) => c.logicalId !== IMPLICIT_REST_API && c.logicalId !== IMPLICIT_HTTP_API,
  );
  return { ...replacedByImplicitApis(ctx, transformed), conflicts };
}

/**
 * SAM's implicit API plugin sets `ServerlessRestApi` / `ServerlessHttpApi` over whatever the template
 * wrote under that logical ID. A written resource there deploys as the implicit API, and what it would
 * have generated itself (a function's role, say) disappears with it.
 */
function replacedByImplicitApis(ctx: SamContext, written: Resource[]): { written: Resource[]; generated: Resource[] } {
  const replaced = new Map<string, string>();
  if (ctx.implicitRestEvents.length > 0) replaced.set(IMPLICIT_REST_API, 'AWS::ApiGateway::RestApi');
  if (ctx.implicitHttpEvents.length > 0) replaced.set(IMPLICIT_HTTP_API, 'AWS::ApiGatewayV2::Api');
  const gone = new Set<string>();
  const out = written.map((r) => {
    const type = replaced.get(r.logicalId);
    if (!type || deployedType(r) === type) return r;
    gone.add(r.logicalId);
    return { ...r, deployedAs: { logicalId: r.logicalId, type } };
  });
  const generated =
    gone.size === 0 ? ctx.out.list : ctx.out.list.filter((g) => !gone.has(g.generatedBy?.logicalId ?? ''));
  return { written: out, generated };
}

/** A parameter value as the string a name is built from; lists and maps name nothing. */
function scalarString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
