import type { MapNode, Node } from '../../model/nodes';
import { entryOf, itemsOf, stringOf, valueOf } from '../../model/nodes';
import type { SamCheck, SamProblem } from './check';
import { samEvents } from './check';

/**
 * What each self-hosted source accepts in `SourceAccessConfigurations` (SAM developer guide, "MQ", "DocumentDB",
 * "SelfManagedKafka" events; Lambda API reference, "SourceAccessConfiguration"). `oneBasicAuth`: the source
 * signs in with exactly one BASIC_AUTH secret. `authTypes`: of these, at most one is the way to sign in.
 */
interface SourceAccessRules {
  readonly types: readonly string[];
  readonly oneBasicAuth: boolean;
  readonly authTypes: readonly string[];
}

const BASIC_AUTH = 'BASIC_AUTH';
const KAFKA_AUTH = ['BASIC_AUTH', 'SASL_SCRAM_256_AUTH', 'SASL_SCRAM_512_AUTH', 'CLIENT_CERTIFICATE_TLS_AUTH'];
const VPC_PAIR = ['VPC_SUBNET', 'VPC_SECURITY_GROUP'];

const RULES: Readonly<Record<string, SourceAccessRules>> = {
  MQ: { types: ['BASIC_AUTH', 'VIRTUAL_HOST'], oneBasicAuth: true, authTypes: [] },
  DocumentDB: { types: ['BASIC_AUTH'], oneBasicAuth: true, authTypes: [] },
  SelfManagedKafka: {
    types: [...KAFKA_AUTH, ...VPC_PAIR, 'SERVER_ROOT_CA_CERTIFICATE'],
    oneBasicAuth: false,
    authTypes: KAFKA_AUTH,
  },
};

/** A self-managed Kafka source takes one topic (SAM developer guide, "SelfManagedKafka": "Topics ... Maximum: 1"). */
const KAFKA_MAX_TOPICS = 1;

/** How Lambda reaches a broker or cluster it does not manage: its secret, its network, its topics. */
export const eventSourceAccess: SamCheck = {
  messages: {
    accessType: "SourceAccessConfigurations Type '{{type}}' is not supported for {{event}} events; use {{allowed}}.",
    basicAuthMissing:
      '{{event}} events sign in with a BASIC_AUTH secret: add an item with Type BASIC_AUTH and the secret URI to ' +
      'SourceAccessConfigurations.',
    basicAuthTwice: '{{event}} events take one BASIC_AUTH secret, and SourceAccessConfigurations has more than one.',
    uriMissing: 'This BASIC_AUTH item needs the URI of the Secrets Manager secret that holds the credentials.',
    authTwice: 'Self-managed Kafka signs in one way, and SourceAccessConfigurations has several ({{types}}).',
    vpcHalf:
      '{{present}} needs {{missing}} too: Lambda reaches a Kafka cluster in a VPC through both a subnet and a ' +
      'security group.',
    bootstrapMissing: 'Self-managed Kafka events need KafkaBootstrapServers, the brokers Lambda connects to.',
    topicsMany: 'Self-managed Kafka events take exactly one topic in Topics, not {{count}}.',
  },
  check(template, report) {
    for (const { owner, event } of samEvents(template)) {
      const rules = RULES[event.type];
      const props = event.properties;
      if (!rules || !props) continue;
      const at = (messageId: string, span: SamProblem['span'], data?: SamProblem['data']): void =>
        report({ messageId, span, data, logicalId: owner.logicalId });
      if (event.type === 'SelfManagedKafka') {
        if (!entryOf(props, 'KafkaBootstrapServers')) at('bootstrapMissing', event.nameSpan);
        const topics = valueOf(props, 'Topics');
        if (topics?.kind === 'seq' && topics.items.length > KAFKA_MAX_TOPICS)
          at('topicsMany', topics.span, { count: topics.items.length });
      }
      const access = entryOf(props, 'SourceAccessConfigurations');
      if (access?.value.kind !== 'seq') continue;
      const items = itemsOf(access.value).filter((i): i is MapNode => i.kind === 'map');
      const typed = items
        .map((item) => ({ item, type: valueOf(item, 'Type') }))
        .filter((t): t is { item: MapNode; type: Node } => t.type !== undefined);
      if (typed.some((t) => t.type.kind !== 'scalar')) continue;
      const data = { event: event.type };
      for (const { type } of typed) {
        const name = stringOf(type) ?? '';
        if (!rules.types.includes(name))
          at('accessType', type.span, { type: name, event: event.type, allowed: rules.types.join(', ') });
      }
      const basic = typed.filter((t) => stringOf(t.type) === BASIC_AUTH);
      if (rules.oneBasicAuth) {
        if (basic.length === 0) at('basicAuthMissing', access.keySpan, data);
        else if (basic.length > 1) at('basicAuthTwice', basic[1].type.span, data);
        for (const { item, type } of basic) if (!entryOf(item, 'URI')) at('uriMissing', type.span);
      }
      const auth = typed.filter((t) => rules.authTypes.includes(stringOf(t.type) ?? ''));
      if (auth.length > 1) at('authTwice', auth[1].type.span, { types: auth.map((t) => stringOf(t.type)).join(', ') });
      if (event.type === 'SelfManagedKafka') {
        const present = VPC_PAIR.filter((v) => typed.some((t) => stringOf(t.type) === v));
        if (present.length === 1) {
          const first = typed.find((t) => stringOf(t.type) === present[0])!;
          at('vpcHalf', first.type.span, { present: present[0], missing: VPC_PAIR.find((v) => v !== present[0])! });
        }
      }
    }
  },
};
