import { booleanOf, entryOf, itemsOf, mapAt, valueOf } from '../nodes';
import type { MapEntry } from '../nodes';
import type { Resource } from '../template';
import { entryCause, propertyCause, resourceCause, stringAt } from './collector';
import type { SamContext } from './context';

/**
 * `AWS::Serverless::GraphQLApi`: schema, logging role, data sources (each with a role and a connector
 * policy unless `ServiceRoleArn` is given), functions, resolvers, API keys, cache, domain, and a permission
 * per Lambda authorizer.
 */
export function graphQlResources(ctx: SamContext, api: Resource): void {
  const id = api.logicalId;
  const props = api.properties;
  const add = (logicalId: string, type: string, reason: string, cause = resourceCause(api)): void =>
    ctx.out.add(logicalId, type, id, reason, cause);

  if (valueOf(props, 'SchemaInline') || valueOf(props, 'SchemaUri')) {
    add(
      `${id}Schema`,
      'AWS::AppSync::GraphQLSchema',
      'SAM creates the GraphQL schema of the API',
      propertyCause(api, valueOf(props, 'SchemaInline') ? 'SchemaInline' : 'SchemaUri'),
    );
  }
  const logging = valueOf(props, 'Logging');
  if (booleanOf(logging) !== false && !valueOf(logging, 'CloudWatchLogsRoleArn')) {
    add(
      `${id}CloudWatchRole`,
      'AWS::IAM::Role',
      'SAM creates the role AppSync uses to write logs',
      logging ? propertyCause(api, 'Logging') : resourceCause(api),
    );
  }
  const sources = mapAt(props, 'DataSources');
  dataSources(ctx, api, mapAt(sources, 'DynamoDb')?.entries ?? [], 'DynamoDB', 'Table');
  dataSources(ctx, api, mapAt(sources, 'Lambda')?.entries ?? [], 'Lambda', 'Lambda');

  for (const entry of mapAt(props, 'Functions')?.entries ?? []) {
    if (isNoneDataSource(stringAt(entry.value, 'DataSource'))) {
      add(
        `${id}NoneDataSource`,
        'AWS::AppSync::DataSource',
        'SAM creates the NONE data source functions without a data source use',
        entryCause(entry),
      );
    }
    if (valueOf(entry.value, 'Id')) continue;
    add(
      `${id}${entry.key}`,
      'AWS::AppSync::FunctionConfiguration',
      `SAM creates the AppSync function ${entry.key}`,
      entryCause(entry),
    );
  }
  for (const typeEntry of mapAt(props, 'Resolvers')?.entries ?? []) {
    for (const entry of typeEntry.value.kind === 'map' ? typeEntry.value.entries : []) {
      add(
        `${id}${typeEntry.key}${entry.key}`,
        'AWS::AppSync::Resolver',
        `SAM creates the resolver ${typeEntry.key}.${entry.key}`,
        entryCause(entry),
      );
    }
  }
  for (const entry of mapAt(props, 'ApiKeys')?.entries ?? []) {
    add(`${id}${entry.key}`, 'AWS::AppSync::ApiKey', `SAM creates the API key ${entry.key}`, entryCause(entry));
  }
  if (entryOf(props, 'Cache'))
    add(`${id}ApiCache`, 'AWS::AppSync::ApiCache', 'SAM creates the API cache (Cache)', propertyCause(api, 'Cache'));
  if (entryOf(props, 'DomainName')) {
    const cause = propertyCause(api, 'DomainName');
    add(`${id}DomainName`, 'AWS::AppSync::DomainName', 'SAM creates the custom domain name (DomainName)', cause);
    add(
      `${id}DomainNameApiAssociation`,
      'AWS::AppSync::DomainNameApiAssociation',
      'SAM associates the custom domain with the API (DomainName)',
      cause,
    );
  }
  lambdaAuthorizers(ctx, api);
}

/** SAM compares `DataSource` with `NONE` ignoring case: `None`, `none` and `nOnE` all mean "no data source". */
function isNoneDataSource(name: string | undefined): boolean {
  return name?.toUpperCase() === 'NONE';
}

function dataSources(
  ctx: SamContext,
  api: Resource,
  entries: readonly MapEntry[],
  kind: 'DynamoDB' | 'Lambda',
  target: string,
): void {
  for (const entry of entries) {
    const sourceId = `${api.logicalId}${entry.key}${kind}DataSource`;
    const cause = entryCause(entry);
    ctx.out.add(
      sourceId,
      'AWS::AppSync::DataSource',
      api.logicalId,
      `SAM creates the ${kind} data source ${entry.key}`,
      cause,
    );
    if (valueOf(entry.value, 'ServiceRoleArn')) continue;
    ctx.out.add(
      `${sourceId}Role`,
      'AWS::IAM::Role',
      api.logicalId,
      `SAM creates the role AppSync uses to reach the ${kind} data source ${entry.key}`,
      cause,
    );
    ctx.out.add(
      `${sourceId}To${target}ConnectorPolicy`,
      'AWS::IAM::ManagedPolicy',
      api.logicalId,
      `SAM grants the data source ${entry.key} access to its ${kind === 'Lambda' ? 'function' : 'table'}`,
      cause,
    );
  }
}

/**
 * `Auth` and `Auth.Additional`: each `AWS_LAMBDA` authorizer gets `<Api>ToLambdaAuthConnector<n>WriteLambdaPermission`.
 */
function lambdaAuthorizers(ctx: SamContext, api: Resource): void {
  const auth = mapAt(api.properties, 'Auth');
  if (!auth) return;
  const lambdas = [auth, ...itemsOf(valueOf(auth, 'Additional'))].filter((a) => stringAt(a, 'Type') === 'AWS_LAMBDA');
  lambdas.forEach((_, i) => {
    ctx.out.add(
      `${api.logicalId}ToLambdaAuthConnector${i + 1}WriteLambdaPermission`,
      'AWS::Lambda::Permission',
      api.logicalId,
      'SAM lets AppSync call the Lambda authorizer',
      propertyCause(api, 'Auth'),
    );
  });
}
