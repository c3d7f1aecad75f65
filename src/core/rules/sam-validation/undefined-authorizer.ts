import { entryOf, mapAt, stringOf } from '../../model/nodes';
import type { Template } from '../../model/template';
import type { SamCheck } from './check';
import { apiOfEvent, samEvents, samResources } from './check';

/**
 * Authorizer names SAM accepts without an entry in `Auth.Authorizers`: IAM authorization, and `NONE`, which
 * turns a DefaultAuthorizer off for one route (SAM developer guide, "ApiAuth" and "ApiFunctionAuth").
 */
const AWS_IAM = 'AWS_IAM';
const NONE = 'NONE';

const API_TYPES = ['AWS::Serverless::Api', 'AWS::Serverless::HttpApi'];

/**
 * An authorizer is named where it is used (an event's `Auth.Authorizer`, the API's `DefaultAuthorizer`) and
 * defined once in the API's `Auth.Authorizers`; SAM rejects a name that has no definition.
 */
export const undefinedAuthorizer: SamCheck = {
  messages: {
    notDefined: "Authorizer '{{name}}' is not defined in the Auth.Authorizers of API '{{api}}'{{known}}.",
    noAuthorizers: "Authorizer '{{name}}' is used, but API '{{api}}' defines no Auth.Authorizers.",
    noneWithoutDefault:
      "Authorizer NONE only turns off the API's DefaultAuthorizer, and API '{{api}}' has no DefaultAuthorizer.",
    defaultNotDefined: "DefaultAuthorizer '{{name}}' is not one of the Auth.Authorizers of this API{{known}}.",
  },
  check(template: Template, report) {
    for (const { resource, properties } of API_TYPES.flatMap((type) => samResources(template, type))) {
      const auth = mapAt(properties, 'Auth');
      const used = entryOf(auth, 'DefaultAuthorizer');
      const name = stringOf(used?.value);
      if (!used || name === undefined || name === AWS_IAM || definedIn(auth, name) !== false) continue;
      report({
        messageId: 'defaultNotDefined',
        data: { name, known: knownList(auth) },
        span: used.value.span,
        logicalId: resource.logicalId,
      });
    }
    for (const owned of samEvents(template)) {
      const used = entryOf(mapAt(owned.event.properties, 'Auth'), 'Authorizer');
      const name = stringOf(used?.value);
      if (!used || name === undefined || name === AWS_IAM) continue;
      const api = apiOfEvent(template, owned);
      const auth = api?.properties ? mapAt(api.properties, 'Auth') : undefined;
      if (!api || (api.properties && !auth && entryOf(api.properties, 'Auth'))) continue;
      const problem = {
        span: used.value.span,
        logicalId: owned.owner.logicalId,
        data: { name, api: api.logicalId, known: knownList(auth) },
      };
      if (name === NONE) {
        if (!entryOf(auth, 'DefaultAuthorizer')) report({ messageId: 'noneWithoutDefault', ...problem });
        continue;
      }
      const defined = definedIn(auth, name);
      if (defined === undefined && !entryOf(auth, 'Authorizers')) report({ messageId: 'noAuthorizers', ...problem });
      else if (defined === false) report({ messageId: 'notDefined', ...problem });
    }
  },
};

/** Whether `Auth.Authorizers` defines `name`; undefined when it is absent or not written as a map. */
function definedIn(auth: ReturnType<typeof mapAt>, name: string): boolean | undefined {
  const authorizers = mapAt(auth, 'Authorizers');
  return authorizers ? authorizers.entries.some((e) => e.key === name) : undefined;
}

function knownList(auth: ReturnType<typeof mapAt>): string {
  const names = mapAt(auth, 'Authorizers')?.entries.map((e) => e.key) ?? [];
  return names.length ? ` (it defines ${names.join(', ')})` : '';
}
