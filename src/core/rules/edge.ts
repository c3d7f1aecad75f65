import type { Span } from '../model/nodes';
import { entryOf, itemsOf, mapAt, stringOf, valueOf } from '../model/nodes';
import { functionNamedBy } from '../model/references';
import type { FunctionView, Template } from '../model/template';
import { defineRule } from './define';
import { about, aboutProperty } from './function-settings';
import type { AboutFunction } from './types';

/** Lambda@Edge restrictions (CloudFront developer guide, "Restrictions on Lambda@Edge"). */
export const EDGE_LIMITS = {
  viewerMemoryMb: 128,
  viewerTimeoutSeconds: 5,
  originTimeoutSeconds: 30,
  ephemeralStorageMb: 512,
  region: 'us-east-1',
} as const;

interface EdgeUse {
  readonly fn: FunctionView;
  readonly eventType: string;
  /** The association's function ARN (CloudFormation) or the event (Serverless). */
  readonly span: Span;
  /** Whether the ARN names a published version, as Lambda@Edge requires. */
  readonly versioned: boolean;
}

function edgeUses(template: Template): EdgeUse[] {
  const uses: EdgeUse[] = [];
  for (const r of template.resources) {
    if (r.type !== 'AWS::CloudFront::Distribution') continue;
    const config = mapAt(r.properties, 'DistributionConfig');
    const behaviors = [valueOf(config, 'DefaultCacheBehavior'), ...itemsOf(valueOf(config, 'CacheBehaviors'))];
    for (const behavior of behaviors) {
      for (const association of itemsOf(valueOf(behavior, 'LambdaFunctionAssociations'))) {
        const arn = valueOf(association, 'LambdaFunctionARN');
        const target = functionNamedBy(template, arn);
        if (arn && target)
          uses.push({
            fn: target.fn,
            versioned: target.qualifier === 'Version',
            eventType: stringOf(valueOf(association, 'EventType')) ?? 'origin-request',
            span: arn.span,
          });
      }
    }
  }
  for (const fn of template.functions) {
    for (const event of fn.events) {
      if (event.type !== 'CloudFront') continue;
      uses.push({
        fn,
        eventType: stringOf(valueOf(event.properties, 'EventType')) ?? 'origin-request',
        span: event.nameSpan,
        versioned: true,
      });
    }
  }
  return uses;
}

/** One restriction an edge function breaks: the place that breaks it and where that is written. */
interface Violation {
  readonly message: string;
  readonly span: Span;
  readonly about: AboutFunction;
}

/** What one edge function breaks, each with the place that breaks it. */
function violations(template: Template, use: EdgeUse): Violation[] {
  const { fn } = use;
  const out: Violation[] = [];
  const own = about(fn, { source: 'resource' });
  const viewer = use.eventType.startsWith('viewer-');
  const props = fn.resource.properties;
  if (!use.versioned)
    out.push({
      message: 'must be associated through a numbered version, not $LATEST or an alias',
      span: use.span,
      about: own,
    });
  // A function's own variable or layer is the one to point at: removing the inherited ones would not be enough.
  const variable = fn.environment.find((v) => v.source === 'resource') ?? fn.environment[0];
  if (variable)
    out.push({ message: 'cannot have environment variables', span: variable.nameSpan, about: about(fn, variable) });
  const layer = fn.layers.find((l) => aboutProperty(template, fn, l.span).source === 'resource') ?? fn.layers[0];
  if (layer)
    out.push({ message: 'cannot use layers', span: layer.span, about: aboutProperty(template, fn, layer.span) });
  const vpc = entryOf(props, 'VpcConfig');
  if (vpc)
    out.push({ message: 'cannot run in a VPC', span: vpc.keySpan, about: aboutProperty(template, fn, vpc.keySpan) });
  const runtime = fn.runtime;
  if (runtime?.value && !/^(nodejs|python)/.test(runtime.value))
    out.push({
      message: `cannot use ${runtime.value} (Node.js and Python only)`,
      span: runtime.span,
      about: about(fn, runtime),
    });
  if ((fn.ephemeralStorage.value ?? 0) > EDGE_LIMITS.ephemeralStorageMb)
    out.push({
      message: `allows at most ${EDGE_LIMITS.ephemeralStorageMb} MB of ephemeral storage`,
      span: fn.ephemeralStorage.span,
      about: about(fn, fn.ephemeralStorage),
    });
  if (viewer && (fn.memorySize.value ?? 0) > EDGE_LIMITS.viewerMemoryMb)
    out.push({
      message: `allows at most ${EDGE_LIMITS.viewerMemoryMb} MB of memory for ${use.eventType} triggers`,
      span: fn.memorySize.span,
      about: about(fn, fn.memorySize),
    });
  const maxTimeout = viewer ? EDGE_LIMITS.viewerTimeoutSeconds : EDGE_LIMITS.originTimeoutSeconds;
  if ((fn.timeout.value ?? 0) > maxTimeout)
    out.push({
      message: `allows at most a ${maxTimeout} s timeout for ${use.eventType} triggers`,
      span: fn.timeout.span,
      about: about(fn, fn.timeout),
    });
  const region = template.serverless?.region;
  if (region && region !== EDGE_LIMITS.region)
    out.push({
      message: `must be deployed in ${EDGE_LIMITS.region}, not ${region}`,
      span: fn.resource.idSpan,
      about: own,
    });
  return out;
}

export const lambdaEdgeRestrictions = defineRule({
  id: 'lambda-edge-restrictions',
  meta: {
    severity: 'error',
    docs: {
      summary:
        'A function used by CloudFront (Lambda@Edge) breaks one of its restrictions: environment variables, ' +
        'layers, VPC, runtime, memory, timeout, ephemeral storage, region or an unversioned ARN.',
      why: 'CloudFront rejects the association and the distribution update fails, usually after a long deploy.',
      fact:
        'Lambda@Edge: us-east-1 only; a numbered version; no VPC, environment variables or layers; ephemeral ' +
        'storage 512 MB; Node.js and Python only; viewer triggers ≤ 128 MB and ≤ 5 s, origin triggers ≤ 30 s ' +
        '(CloudFront developer guide, "Restrictions on Lambda@Edge").',
      example:
        'LambdaFunctionAssociations:\n  - EventType: viewer-request\n    LambdaFunctionARN: !Ref ' +
        'EdgeFunction.Version   # EdgeFunction has MemorySize: 512',
      fix: 'Remove what the message names, or move the logic to CloudFront Functions or to an origin function.',
    },
  },
  messages: { violation: '{{subject}} is a Lambda@Edge function ({{event}}) and {{problem}}.{{where}}' },
  check(context) {
    for (const use of edgeUses(context.template)) {
      for (const v of violations(context.template, use)) {
        context.report({
          messageId: 'violation',
          data: { event: use.eventType, problem: v.message },
          span: v.span,
          about: v.about,
          logicalId: use.fn.logicalId,
          related: [{ span: use.span, message: 'the CloudFront association' }],
        });
      }
    }
  },
});
