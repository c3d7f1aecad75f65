import type { Node } from '../../model/nodes';
import { itemsOf, stringOf, valueOf } from '../../model/nodes';
import { referencedId } from '../../model/references';
import type { SamCheck } from './check';
import { apiOfEvent, samEvents } from './check';

/**
 * OpenAPI's name for "any method", and the route an HttpApi event without Path and Method takes (SAM developer
 * guide, "HttpApi": "If no Path and Method are specified, SAM creates a default API path ... $default").
 */
const ANY_METHOD = 'any';
const HTTP_DEFAULT_ROUTE = '$default';

/**
 * Two events cannot claim the same thing: one method of one path of one API (SAM adds one integration per
 * method), or one trigger of one Cognito user pool (a pool calls one function per trigger).
 */
export const duplicateEventTarget: SamCheck = {
  messages: {
    routeTwice:
      "Method {{method}} of path {{path}} on API '{{api}}' is already handled by event '{{first}}'{{owner}}; an " +
      'API method has one integration.',
    triggerTwice:
      "Trigger {{trigger}} of user pool '{{pool}}' is already set by event '{{first}}'{{owner}}; a user pool " +
      'calls one function per trigger.',
  },
  check(template, report) {
    const seen = new Map<string, { event: string; owner: string; span: Node['span'] }>();
    for (const owned of samEvents(template)) {
      const { owner, event } = owned;
      const claims = claimsOf(template, owned);
      for (const claim of claims) {
        const first = seen.get(claim.key);
        if (!first) {
          seen.set(claim.key, { event: event.name, owner: owner.logicalId, span: claim.span });
          continue;
        }
        const ownerNote = first.owner === owner.logicalId ? '' : ` of '${first.owner}'`;
        report({
          messageId: claim.messageId,
          data: { ...claim.data, first: first.event, owner: ownerNote },
          span: claim.span,
          logicalId: owner.logicalId,
          related: [{ span: first.span, message: `event '${first.event}' claims it first` }],
        });
      }
    }
  },
};

interface Claim {
  readonly key: string;
  readonly messageId: string;
  readonly data: Record<string, string>;
  readonly span: Node['span'];
}

function claimsOf(template: Parameters<typeof apiOfEvent>[0], owned: Parameters<typeof apiOfEvent>[1]): Claim[] {
  const { event } = owned;
  const props = event.properties;
  if (event.type === 'Api' || event.type === 'HttpApi') {
    const api = apiOfEvent(template, owned);
    const pathNode = valueOf(props, 'Path');
    const methodNode = valueOf(props, 'Method');
    const defaultRoute = event.type === 'HttpApi' && !pathNode && !methodNode;
    const path = defaultRoute ? HTTP_DEFAULT_ROUTE : plain(pathNode);
    const method = defaultRoute ? ANY_METHOD : plain(methodNode)?.toLowerCase();
    if (!api || path === undefined || method === undefined) return [];
    return [
      {
        key: `route ${api.logicalId} ${method} ${path}`,
        messageId: 'routeTwice',
        data: { method, path, api: api.logicalId },
        span: methodNode?.span ?? event.nameSpan,
      },
    ];
  }
  if (event.type === 'Cognito') {
    const pool = referencedId(valueOf(props, 'UserPool'));
    const triggers = valueOf(props, 'Trigger');
    if (pool === undefined || !triggers) return [];
    const nodes = triggers.kind === 'seq' ? itemsOf(triggers) : [triggers];
    return nodes.flatMap((node) => {
      const trigger = plain(node);
      return trigger === undefined
        ? []
        : [{ key: `trigger ${pool} ${trigger}`, messageId: 'triggerTwice', data: { trigger, pool }, span: node.span }];
    });
  }
  return [];
}

function plain(node: Node | undefined): string | undefined {
  return node?.kind === 'scalar' ? stringOf(node) : undefined;
}
