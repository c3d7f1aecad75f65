import { booleanOf, entryOf, mapAt, stringOf, valueOf } from '../../model/nodes';
import type { SamCheck } from './check';
import { apiOfEvent, samEvents } from './check';

/**
 * Event `Auth` properties that can take the place of the API's authorization (SAM developer guide, "ApiFunctionAuth").
 */
const OVERRIDES = ['Authorizer', 'ApiKeyRequired', 'ResourcePolicy'];

/**
 * What an `Api` event asks of its REST API: the request model must be one the API's `Models` define, turning an
 * API key off for one method needs the API to require it in the first place, and `OverrideApiAuth` needs something
 * to override with (SAM developer guide, "Api" event: RequestModel, Auth).
 */
export const apiEventSettings: SamCheck = {
  messages: {
    modelNotDefined: "RequestModel '{{model}}' is not one of the Models of API '{{api}}'{{known}}.",
    apiKeyNotRequired:
      "ApiKeyRequired: false only exempts a method from the API's own ApiKeyRequired, and API '{{api}}' sets none.",
    overrideWithNothing:
      "OverrideApiAuth replaces the API's authorization for this route, so Auth needs an Authorizer, " +
      'ApiKeyRequired or ResourcePolicy to replace it with.',
  },
  check(template, report) {
    for (const owned of samEvents(template)) {
      const { owner, event } = owned;
      if (event.type !== 'Api') continue;
      const props = event.properties;
      const logicalId = owner.logicalId;
      const auth = mapAt(props, 'Auth');
      const override = entryOf(auth, 'OverrideApiAuth');
      if (override && booleanOf(override.value) === true && !OVERRIDES.some((k) => entryOf(auth, k)))
        report({ messageId: 'overrideWithNothing', span: override.keySpan, logicalId });
      const api = apiOfEvent(template, owned);
      if (!api) continue;
      const model = valueOf(mapAt(props, 'RequestModel'), 'Model');
      const modelName = model?.kind === 'scalar' ? stringOf(model) : undefined;
      const models = mapAt(api.properties, 'Models');
      if (model && modelName !== undefined && models && !models.entries.some((e) => e.key === modelName)) {
        report({
          messageId: 'modelNotDefined',
          data: {
            model: modelName,
            api: api.logicalId,
            known: ` (it defines ${models.entries.map((e) => e.key).join(', ') || 'none'})`,
          },
          span: model.span,
          logicalId,
        });
      } else if (model && modelName !== undefined && !entryOf(api.properties, 'Models')) {
        report({
          messageId: 'modelNotDefined',
          data: { model: modelName, api: api.logicalId, known: ' (it defines no Models)' },
          span: model.span,
          logicalId,
        });
      }
      const apiKey = entryOf(auth, 'ApiKeyRequired');
      if (apiKey && booleanOf(apiKey.value) === false && !entryOf(mapAt(api.properties, 'Auth'), 'ApiKeyRequired')) {
        report({ messageId: 'apiKeyNotRequired', data: { api: api.logicalId }, span: apiKey.value.span, logicalId });
      }
    }
  },
};
