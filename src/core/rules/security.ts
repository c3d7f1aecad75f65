import type { Node } from '../model/nodes';
import { booleanOf, entryOf, itemsOf, mapAt, stringOf, valueOf } from '../model/nodes';
import { eventSourceOf } from '../model/event-sources';
import type { EnvironmentVariable, FunctionView, Template } from '../model/template';
import { defineRule } from './define';
import { notCreated } from './resolved';
import { insertPath, RawText, replaceNode } from './edits';
import { about } from './function-settings';
import type { Fix, TextEdit } from './types';

/** Values that are credentials whatever their name: AWS access key IDs and PEM private keys. */
const ACCESS_KEY_ID = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;
const PRIVATE_KEY = /-----BEGIN ([A-Z]+ )*PRIVATE KEY-----/;
/**
 * Names that announce a secret, and suffixes that announce a pointer to one or a detail beside it instead (an
 * ARN, a parameter name, the host and port of the database a secret opens: `DB_SECRET_PORT: '5432'`).
 */
const SECRET_NAME = /(pass(word|wd|phrase)?|secret|token|api[_-]?key|private[_-]?key|credentials?|auth[_-]?key)/i;
const POINTER_NAME =
  /(_|^)(arn|name|id|param(eter)?|path|url|uri|ttl|expir\w*|length|header|type|region|version|port|host)$/i;
const POINTER_VALUE = /^(arn:|\/|\{\{resolve:|\$\{(ssm|ssm-secure|secretsmanager|aws|cf|param|env|opt):)/;

function secretKind(v: EnvironmentVariable): string | undefined {
  if (v.value.kind !== 'scalar' || typeof v.value.value !== 'string') return undefined;
  const value = v.value.value;
  if (ACCESS_KEY_ID.test(value)) return 'an AWS access key ID';
  if (PRIVATE_KEY.test(value)) return 'a private key';
  if (value.length < 4 || POINTER_VALUE.test(value) || !SECRET_NAME.test(v.name) || POINTER_NAME.test(v.name))
    return undefined;
  return 'a secret';
}

/** DB_PASSWORD → DbPasswordSsmParameter: a parameter name CloudFormation accepts. */
function parameterNameFor(envName: string): string {
  const pascal = envName
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
  return `${pascal || 'Secret'}SsmParameter`;
}

/**
 * The value becomes an SSM dynamic reference whose parameter name is a template parameter, so each stage can
 * point at its own SSM parameter. The Serverless Framework resolves `${ssm:...}` itself.
 */
function moveToSsmFix(template: Template, fn: FunctionView, v: EnvironmentVariable): Fix[] {
  if (template.kind === 'serverless') {
    const service = template.serverless?.service ?? 'service';
    const path = `/${service}/\${sls:stage}/${v.name}`;
    return [
      {
        title: `Read ${v.name} from SSM Parameter Store (\${ssm:${path}})`,
        edits: [replaceNode(template, v.value, `\${ssm:${path}}`)],
      },
    ];
  }
  if (!template.root) return [];
  const parameter = parameterNameFor(v.name);
  const reference = new RawText(
    `!Sub '{{resolve:ssm:\${${parameter}}}}'`,
    JSON.stringify({ 'Fn::Sub': `{{resolve:ssm:\${${parameter}}}}` }),
  );
  const edits: TextEdit[] = [replaceNode(template, v.value, reference)];
  if (!template.parameters.some((p) => p.name === parameter)) {
    // A variable in Globals is every function's: its parameter is named for none of them.
    const definition = {
      Type: 'String',
      Default: v.source === 'resource' ? `/${fn.logicalId}/${v.name}` : `/${v.name}`,
      Description: `Name of the SSM parameter that holds ${v.name}`,
    };
    const parameters = mapAt(template.root, 'Parameters');
    edits.push(
      parameters && parameters.entries.length > 0
        ? insertPath(template, parameters, [parameter], definition)
        : insertPath(template, template.root, ['Parameters', parameter], definition, 'Resources'),
    );
  }
  return [{ title: `Read ${v.name} from SSM Parameter Store through parameter ${parameter}`, edits, preferred: true }];
}

export const envPlaintextSecret = defineRule({
  id: 'env-plaintext-secret',
  meta: {
    severity: 'warning',
    fixable: true,
    docs: {
      summary:
        'An environment variable holds a secret as a literal: an AWS access key, a private key, or the value of ' +
        'a variable named like a password, secret, token or API key.',
      why:
        'The value is stored in the template (and its repository), in the CloudFormation stack and in the ' +
        'function configuration, readable by anyone with lambda:GetFunctionConfiguration.',
      fact:
        'CloudFormation dynamic references ({{resolve:ssm:...}}, {{resolve:secretsmanager:...}}) resolve at ' +
        'deploy time without the value appearing in the template (CloudFormation user guide, "Dynamic ' +
        'references"); the Serverless Framework resolves ${ssm:...} at package time.',
      example: 'Environment:\n  Variables:\n    DB_PASSWORD: hunter2hunter2',
      fix:
        'Store the value in SSM Parameter Store or Secrets Manager and reference it; the quick fix adds a ' +
        'parameter naming the SSM parameter and a {{resolve:ssm:...}} reference. Better still, read the secret ' +
        'at run time with the SDK so it never sits in the environment. Rotate a secret that was committed.',
    },
  },
  messages: {
    plaintext:
      "{{subject}}: '{{name}}' holds {{kind}} in plain text. Reference it from SSM Parameter Store or Secrets " +
      'Manager instead.{{where}}',
  },
  check(context) {
    for (const fn of context.template.functions) {
      for (const v of fn.environment) {
        const kind = secretKind(v);
        if (!kind) continue;
        context.report({
          messageId: 'plaintext',
          data: { name: v.name, kind },
          span: v.value.span,
          about: about(fn, v),
          logicalId: fn.logicalId,
          fixes: moveToSsmFix(context.template, fn, v),
        });
      }
    }
  },
});

export const functionUrlPublic = defineRule({
  id: 'function-url-public',
  meta: {
    severity: 'warning',
    docs: {
      summary: 'A function URL with AuthType NONE: anyone on the internet can invoke the function.',
      why:
        'Every request runs (and bills) the function, and whatever it returns is public, unless the code checks ' +
        'callers itself.',
      fact:
        'AuthType NONE makes the URL public; AWS_IAM requires SigV4-signed requests (Lambda developer guide, ' +
        '"Access control for function URLs").',
      example: 'FunctionUrlConfig:\n  AuthType: NONE',
      fix:
        'Use AuthType: AWS_IAM (put CloudFront with origin access control in front for browsers), or make sure ' +
        'the code authenticates every request.',
    },
  },
  messages: { public: '{{what}} has AuthType NONE: anyone can invoke the function without credentials.' },
  check(context) {
    const { template } = context;
    for (const fn of template.functions) {
      if (notCreated(fn.resource)) continue;
      const auth = valueOf(mapAt(fn.resource.properties, 'FunctionUrlConfig'), 'AuthType');
      if (stringOf(auth) === 'NONE')
        context.report({
          messageId: 'public',
          data: { what: `The URL of function '${fn.displayName}'` },
          span: auth!.span,
          logicalId: fn.logicalId,
        });
    }
    for (const r of template.resources) {
      const auth = valueOf(r.properties, 'AuthType');
      if (r.type === 'AWS::Lambda::Url' && r.origin === 'written' && !notCreated(r) && stringOf(auth) === 'NONE') {
        context.report({
          messageId: 'public',
          data: { what: `Function URL '${r.logicalId}'` },
          span: auth!.span,
          logicalId: r.logicalId,
        });
      }
    }
  },
});

/** Whether an API definition (SAM Api/HttpApi properties, or Globals) protects its routes by default. */
function apiHasDefaultAuth(api: Node | undefined): boolean {
  const auth = mapAt(api, 'Auth');
  if (!auth) return false;
  const authorizer = stringOf(valueOf(auth, 'DefaultAuthorizer'));
  return (
    (authorizer !== undefined && authorizer !== 'NONE') ||
    booleanOf(valueOf(auth, 'ApiKeyRequired')) === true ||
    entryOf(auth, 'ResourcePolicy') !== undefined ||
    entryOf(auth, 'EnableIamAuthorizer') !== undefined
  );
}

function eventHasAuth(properties: Node | undefined): boolean {
  const auth = mapAt(properties, 'Auth');
  const authorizer = stringOf(valueOf(auth, 'Authorizer'));
  if (authorizer === 'NONE') return false;
  return (
    authorizer !== undefined ||
    booleanOf(valueOf(auth, 'ApiKeyRequired')) === true ||
    entryOf(auth, 'AuthorizationScopes') !== undefined ||
    entryOf(auth, 'IamAuthorizer') !== undefined ||
    entryOf(auth, 'ResourcePolicy') !== undefined
  );
}

export const apiNoAuth = defineRule({
  id: 'api-no-auth',
  meta: {
    severity: 'info',
    docs: {
      summary:
        'An API route that invokes a function has no authorizer, API key or resource policy: it is open to anyone.',
      why:
        'Often intended (a public website, a webhook that checks a signature), sometimes an oversight that ' +
        'exposes data or runs up a bill. It is advice, so it is an info.',
      fact:
        'API Gateway routes without an authorizer, IAM auth, API key or resource policy accept unauthenticated ' +
        'requests (API Gateway developer guide, "Controlling and managing access to an API").',
      example: 'Events:\n  Get:\n    Type: Api\n    Properties:\n      Path: /orders\n      Method: get',
      fix:
        "Add an authorizer (Cognito, JWT, Lambda or AWS_IAM) to the API's Auth.DefaultAuthorizer or to the " +
        'event, or suppress the rule for routes that are public on purpose.',
    },
  },
  messages: {
    open:
      "{{api}} route {{method}} {{path}} (event '{{event}}' of function '{{fn}}') has no authorization: anyone " +
      'can call it.',
  },
  check(context) {
    const { template } = context;
    const globals = template.globals;
    for (const fn of template.functions) {
      if (notCreated(fn.resource)) continue;
      for (const event of fn.events) {
        if (event.type !== 'Api' && event.type !== 'HttpApi') continue;
        const method = (stringOf(valueOf(event.properties, 'Method')) ?? 'any').toUpperCase();
        if (method === 'OPTIONS' || eventHasAuth(event.properties)) continue;
        // A SAM event on an API this template does not define may get its authorizer there; the framework
        // creates the route itself even on another stack's API, with only the event's own authorizer.
        const source = eventSourceOf(template, fn.logicalId, event);
        if (source.kind !== 'resource' && !template.serverless) continue;
        const api = source.kind === 'resource' && source.resource.origin === 'written' ? source.resource : undefined;
        const apiProps = api?.properties ?? mapAt(globals, event.type);
        if (apiHasDefaultAuth(apiProps)) continue;
        context.report({
          messageId: 'open',
          data: {
            fn: fn.displayName,
            api: event.type === 'Api' ? 'REST API' : 'HTTP API',
            method,
            path: stringOf(valueOf(event.properties, 'Path')) ?? '/',
            event: event.name,
          },
          span: event.nameSpan,
          logicalId: fn.logicalId,
        });
      }
    }
  },
});

const PUBLIC_ACLS: ReadonlySet<string> = new Set(['PublicRead', 'PublicReadWrite']);
const BLOCK_FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

function isEveryone(principal: Node | undefined): boolean {
  if (stringOf(principal) === '*') return true;
  const aws = valueOf(principal, 'AWS');
  return stringOf(aws) === '*' || itemsOf(aws).some((i) => stringOf(i) === '*');
}

export const s3PublicAccess = defineRule({
  id: 's3-public-access',
  meta: {
    severity: 'warning',
    docs: {
      summary:
        'An S3 bucket is made public: a public canned ACL, a public access block flag turned off, or a bucket ' +
        'policy that allows everyone without a condition.',
      why:
        'Public buckets are the most common source of data leaks. New buckets block public access by default, so ' +
        'making one public is always a deliberate change worth a second look.',
      fact:
        'S3 Block Public Access is on for new buckets since April 2023; AccessControl PublicRead/PublicReadWrite ' +
        'and Principal "*" grant access to anyone (S3 user guide, "Blocking public access to your Amazon S3 storage").',
      example: 'Bucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    AccessControl: PublicRead',
      fix:
        'Keep the bucket private and serve it through CloudFront with origin access control, or add a Condition ' +
        'to the policy statement. Suppress the rule on buckets that host public websites on purpose.',
    },
  },
  messages: {
    acl: "Bucket '{{bucket}}' has the canned ACL {{acl}}: its objects are readable by anyone.",
    block: "Bucket '{{bucket}}' turns {{flag}} off, allowing public access.",
    policy: "Bucket policy '{{policy}}' allows {{effect}} to everyone (Principal '*') without a Condition.",
  },
  check(context) {
    for (const r of context.template.resources) {
      if (r.origin !== 'written') continue;
      if (r.type === 'AWS::S3::Bucket') {
        const acl = valueOf(r.properties, 'AccessControl');
        if (PUBLIC_ACLS.has(stringOf(acl) ?? ''))
          context.report({
            messageId: 'acl',
            data: { bucket: r.logicalId, acl: stringOf(acl)! },
            span: acl!.span,
            logicalId: r.logicalId,
          });
        const block = mapAt(r.properties, 'PublicAccessBlockConfiguration');
        for (const flag of BLOCK_FLAGS) {
          const value = valueOf(block, flag);
          if (booleanOf(value) === false)
            context.report({
              messageId: 'block',
              data: { bucket: r.logicalId, flag },
              span: value!.span,
              logicalId: r.logicalId,
            });
        }
      } else if (r.type === 'AWS::S3::BucketPolicy') {
        for (const statement of itemsOf(valueOf(valueOf(r.properties, 'PolicyDocument'), 'Statement'))) {
          const principal = entryOf(statement, 'Principal');
          if (
            stringOf(valueOf(statement, 'Effect')) !== 'Allow' ||
            !principal ||
            !isEveryone(principal.value) ||
            entryOf(statement, 'Condition')
          )
            continue;
          const action = valueOf(statement, 'Action');
          const actions =
            action?.kind === 'seq' ? itemsOf(action).map(stringOf).join(', ') : (stringOf(action) ?? 'actions');
          context.report({
            messageId: 'policy',
            data: { policy: r.logicalId, effect: actions },
            span: principal.keySpan,
            logicalId: r.logicalId,
          });
        }
      }
    }
  },
});
