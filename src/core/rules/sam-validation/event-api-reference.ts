import { entryOf, stringOf } from '../../model/nodes';
import { referencedId } from '../../model/references';
import type { SamCheck } from './check';
import { samEvents } from './check';

/**
 * The property that names an event's API and the SAM type it should name (SAM developer guide, "Api", "HttpApi"
 * events). `strict`: the translator also refuses a resource of another type; for HttpApi events it only
 * refuses a name that is no resource of the template.
 */
const API_PROPERTY: Readonly<
  Record<string, { readonly property: string; readonly type: string; readonly strict: boolean }>
> = {
  Api: { property: 'RestApiId', type: 'AWS::Serverless::Api', strict: true },
  HttpApi: { property: 'ApiId', type: 'AWS::Serverless::HttpApi', strict: false },
};

/**
 * SAM adds an event's route to the OpenAPI document of the API it names, so the API must be a SAM API of this
 * template, named by its logical ID or `!Ref`: an ARN, an imported value or a computed name leaves SAM nothing to edit.
 */
export const eventApiReference: SamCheck = {
  messages: {
    apiNotInTemplate:
      "{{property}} names '{{name}}', which is not an {{type}} of this template{{actual}}; SAM adds the route to " +
      "the API's definition, so it must be one.",
    apiNotReference:
      '{{property}} must name an {{type}} of this template, by its logical ID or !Ref; SAM cannot add the route ' +
      'to an API given by {{how}}.',
  },
  check(template, report) {
    for (const { owner, event } of samEvents(template)) {
      const kind = API_PROPERTY[event.type];
      const entry = kind ? entryOf(event.properties, kind.property) : undefined;
      if (!kind || !entry) continue;
      const value = entry.value;
      const name =
        value.kind === 'scalar'
          ? stringOf(value)
          : value.kind === 'intrinsic' && value.name === 'Ref'
            ? referencedId(value)
            : undefined;
      const data = { property: kind.property, type: kind.type };
      if (name === undefined) {
        const how =
          value.kind === 'intrinsic'
            ? value.name
            : value.kind === 'seq'
              ? 'a list'
              : value.kind === 'map'
                ? 'a map'
                : 'an empty value';
        report({ messageId: 'apiNotReference', data: { ...data, how }, span: value.span, logicalId: owner.logicalId });
        continue;
      }
      const target = template.resourceById.get(name);
      if (target?.origin === 'written' && (target.type === kind.type || !kind.strict)) continue;
      const actual = target
        ? ` (it is an ${target.type})`
        : template.parameters.some((p) => p.name === name)
          ? ' (it is a parameter)'
          : '';
      report({
        messageId: 'apiNotInTemplate',
        data: { ...data, name, actual },
        span: value.span,
        logicalId: owner.logicalId,
      });
    }
  },
};
