import { DOCUMENT_CLIENT_METHODS, DOCUMENT_COMMANDS, actionsFor, iamPrefix, jsOperation } from '../operations';
import type { RawCall, ValueSource } from '../needs';
import type { Span, Sym } from './symbols';

/** SDK packages whose calls need IAM permissions (v3 clients and helpers, and SDK v2). */
export function isSdkModule(spec: string): boolean {
  return spec === 'aws-sdk' || spec.startsWith('aws-sdk/clients/') || spec.startsWith('@aws-sdk/');
}

/** The IAM prefix of a v3 client package or a v2 client path; undefined for helpers (`lib-storage`). */
function modulePrefix(module: string): string | undefined {
  if (module.startsWith('@aws-sdk/client-')) return iamPrefix(module.slice('@aws-sdk/client-'.length));
  if (module === '@aws-sdk/lib-dynamodb') return 'dynamodb';
  if (module.startsWith('aws-sdk/clients/')) return iamPrefix(module.slice('aws-sdk/clients/'.length));
  return undefined;
}

/**
 * Signers that compute a token locally instead of calling AWS: their method maps to the action the token is
 * checked against (`rds:GetAuthToken` → `rds-db:connect`, see operations.ts).
 */
const SIGNERS: Readonly<Record<string, string>> = { '@aws-sdk/rds-signer Signer': 'rds', 'aws-sdk RDS.Signer': 'rds' };

/** Methods of SDK clients that are not AWS operations. */
const CLIENT_HOUSEKEEPING = new Set([
  'send',
  'destroy',
  'config',
  'middlewareStack',
  'promise',
  'on',
  'makeRequest',
  'makeUnauthenticatedRequest',
  'waitFor',
  'setupRequestListeners',
  'createPresignedPost',
  'then',
  'catch',
  'constructor',
]);

/** `new X(...)` where X is an SDK export: a client, or a command (which is the call we count). */
export function constructed(callee: Sym | undefined): Sym | undefined {
  // `require('aws-sdk/clients/s3')` is the client class itself.
  if (callee?.kind === 'sdk-module' && callee.module.startsWith('aws-sdk/clients/'))
    return constructed({ kind: 'sdk-export', module: callee.module, name: 'default' });
  if (callee?.kind !== 'sdk-export') return undefined;
  const { module, name } = callee;
  const signer = SIGNERS[`${module} ${name}`];
  if (signer) return { kind: 'client', prefix: signer, style: 'methods' };
  if (module === 'aws-sdk') {
    if (name === 'DynamoDB.DocumentClient') return { kind: 'client', prefix: 'dynamodb', style: 'document' };
    return name.includes('.') ? undefined : { kind: 'client', prefix: iamPrefix(name), style: 'methods' };
  }
  if (module.startsWith('aws-sdk/clients/')) {
    return { kind: 'client', prefix: modulePrefix(module)!, style: name === 'DocumentClient' ? 'document' : 'methods' };
  }
  const prefix = modulePrefix(module);
  if (!prefix) return undefined;
  if (name.endsWith('Command')) return { kind: 'command' };
  if (module === '@aws-sdk/lib-dynamodb')
    return { kind: 'client', prefix, style: name === 'DynamoDBDocument' ? 'document' : 'command' };
  if (name.endsWith('Client')) return { kind: 'client', prefix, style: 'command' };
  return { kind: 'client', prefix, style: 'methods' };
}

/** `DynamoDBDocumentClient.from(client)` and `DynamoDBDocument.from(client)`. */
export function fromFactory(callee: Sym | undefined, method: string, wrapped?: Sym): Sym | undefined {
  if (callee?.kind !== 'sdk-export' || method !== 'from' || callee.module !== '@aws-sdk/lib-dynamodb') return undefined;
  const ownCredentials = wrapped?.kind === 'client' && wrapped.ownCredentials;
  return {
    kind: 'client',
    prefix: 'dynamodb',
    style: callee.name === 'DynamoDBDocument' ? 'document' : 'command',
    ...(ownCredentials ? { ownCredentials } : {}),
  };
}

function call(
  prefix: string,
  operation: string,
  params: Readonly<Record<string, ValueSource>>,
  span: Span,
  ownCredentials?: boolean,
): RawCall {
  return {
    prefix,
    operation,
    actions: actionsFor(prefix, operation),
    params,
    span,
    ...(ownCredentials ? { ownCredentials } : {}),
  };
}

/** Client configuration keys that give a client credentials of its own (SDK v3 `credentials`, SDK v2 keys). */
export const CREDENTIAL_OPTIONS: ReadonlySet<string> = new Set([
  'credentials',
  'accessKeyId',
  'secretAccessKey',
  'sessionToken',
]);

/** The AWS call a `new X(params)` makes: SDK v3 commands, and lib-storage's Upload (multipart PutObject). */
export function callOfNew(
  callee: Sym | undefined,
  params: Readonly<Record<string, ValueSource>>,
  span: Span,
  ownCredentials?: boolean,
): RawCall | undefined {
  if (callee?.kind !== 'sdk-export') return undefined;
  const { module, name } = callee;
  if (module === '@aws-sdk/lib-storage' && name === 'Upload')
    return call('s3', 'PutObject', params, span, ownCredentials);
  const prefix = modulePrefix(module);
  if (!prefix || !name.endsWith('Command')) return undefined;
  const operation = module === '@aws-sdk/lib-dynamodb' ? DOCUMENT_COMMANDS[name] : name.slice(0, -'Command'.length);
  return operation ? call(prefix, operation, params, span, ownCredentials) : undefined;
}

/** `paginateScan(config, params)` and friends, exported by every v3 client package and lib-dynamodb. */
export function callOfFunction(
  callee: Sym | undefined,
  params: Readonly<Record<string, ValueSource>>,
  span: Span,
): RawCall | undefined {
  if (callee?.kind !== 'sdk-export' || !/^paginate[A-Z]/.test(callee.name)) return undefined;
  const prefix = modulePrefix(callee.module);
  return prefix ? call(prefix, callee.name.slice('paginate'.length), params, span) : undefined;
}

/** `client.putItem(params)` on v2 and aggregated v3 clients, `documents.put(params)` on document clients. */
export function callOfMethod(
  receiver: Sym | undefined,
  method: string,
  params: Readonly<Record<string, ValueSource>>,
  firstString: string | undefined,
  span: Span,
): RawCall | undefined {
  if (receiver?.kind !== 'client' || CLIENT_HOUSEKEEPING.has(method)) return undefined;
  const own = receiver.ownCredentials;
  if (receiver.style === 'document') {
    const operation = DOCUMENT_CLIENT_METHODS[method];
    return operation ? call('dynamodb', operation, params, span, own) : undefined;
  }
  if (receiver.style !== 'methods') return undefined;
  if (receiver.prefix === 's3' && method === 'upload') return call('s3', 'PutObject', params, span, own);
  if (receiver.prefix === 's3' && (method === 'getSignedUrl' || method === 'getSignedUrlPromise')) {
    return firstString ? call('s3', jsOperation(firstString), params, span, own) : undefined;
  }
  return /^[a-z][A-Za-z0-9]*$/.test(method) ? call(receiver.prefix, jsOperation(method), params, span, own) : undefined;
}
