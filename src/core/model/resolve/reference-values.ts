import type { IntrinsicNode, MapEntry, Span } from '../nodes';
import { entryOf, itemsOf, stringOf, valueOf } from '../nodes';
import type { EvaluationContext, Inner } from './context';
import type { Evaluated, InputValue, PlainValue } from './types';
import { absent, known, step, textOf, unknown } from './values';

/** `Ref`: a parameter's value, a pseudo parameter, or a resource's physical ID (unknown before deploy). */
export function ref(node: IntrinsicNode, ctx: EvaluationContext, inner: Inner): Evaluated {
  const name = stringOf(node.argument);
  if (name === undefined) {
    const target = inner(node.argument);
    if (!target.known) return target;
    const text = textOf(target.value);
    if (text === undefined) return unknown('Ref needs the name of a parameter or resource', node.argument.span);
    return refByName(text, node.span, ctx);
  }
  return refByName(name, node.span, ctx);
}

/** What `Ref Name` (or `${Name}` in `Fn::Sub`) gives. */
export function refByName(name: string, span: Span, ctx: EvaluationContext): Evaluated {
  if (name.startsWith('AWS::')) return orStandIn(pseudoParameter(name, span, ctx), name, undefined, span, ctx);
  const parameter = ctx.parameters.get(name);
  if (parameter) return parameterValue(parameter, span, ctx);
  if (ctx.isResource(name))
    return orStandIn(
      unknown(`the physical ID of ${name} is only known after deploy`, span),
      name,
      undefined,
      span,
      ctx,
    );
  return unknown(`${name} is not a parameter or resource of this template`, span);
}

/** `Fn::GetAtt`: a resource's attribute, which exists only once the resource does. */
export function getAtt(node: IntrinsicNode, ctx: EvaluationContext): Evaluated {
  const arg = node.argument;
  const written =
    arg.kind === 'scalar'
      ? stringOf(arg)
      : itemsOf(arg)
          .map((i) => stringOf(i) ?? '?')
          .join('.');
  return attributeByName(written ?? '', node.span, ctx);
}

/** What `Fn::GetAtt Res.Attr` (or `${Res.Attr}` in `Fn::Sub`) gives. */
export function attributeByName(written: string, span: Span, ctx: EvaluationContext): Evaluated {
  const dot = written.indexOf('.');
  const target = dot < 0 ? written : written.slice(0, dot);
  if (!target || !ctx.isResource(target))
    return unknown(`${target || 'Fn::GetAtt'} is not a resource of this template`, span);
  return orStandIn(
    unknown(`${written} is only known after deploy`, span),
    target,
    dot < 0 ? '' : written.slice(dot + 1),
    span,
    ctx,
  );
}

/** What only exists in AWS, as a consumer's stand-in when it has one. */
function orStandIn(
  evaluated: Evaluated,
  name: string,
  attribute: string | undefined,
  span: Span,
  ctx: EvaluationContext,
): Evaluated {
  if (evaluated.known || evaluated.absent || !ctx.standIns) return evaluated;
  return ctx.standIns.reference(name, attribute, span) ?? evaluated;
}

/**
 * A parameter's value: an override given from outside the template wins over its `Default`
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html).
 */
function parameterValue(parameter: MapEntry, at: Span, ctx: EvaluationContext): Evaluated {
  const name = parameter.key;
  const type = stringOf(valueOf(parameter.value, 'Type')) ?? 'String';
  if (type.startsWith('AWS::SSM::Parameter::Value<')) {
    return unknown(`parameter ${name} is read from SSM Parameter Store at deploy time`, at);
  }
  const override = ctx.inputs.parameters?.[name];
  if (override)
    return known(shaped(type, override.value), [step('override', `parameter ${name} from ${override.origin}`)]);
  const fallback = entryOf(parameter.value, 'Default');
  if (fallback) {
    const value =
      fallback.value.kind === 'seq'
        ? itemsOf(fallback.value).map((i) => stringOf(i) ?? '')
        : shaped(type, stringOf(fallback.value) ?? '');
    return known(value, [step('parameter-default', `Default of parameter ${name}`, fallback.value.span)]);
  }
  return unknown(`parameter ${name} has no Default and no value was given`, at);
}

/** Parameter values are text; list types are comma-separated (each member trimmed) and `Number` is a number. */
function shaped(type: string, text: string): PlainValue {
  if (type === 'CommaDelimitedList' || type.startsWith('List<'))
    return text === '' ? [] : text.split(',').map((s) => s.trim());
  if (type === 'Number' && text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
  return text;
}

/** Partitions by Region prefix (https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html). */
const PARTITIONS: readonly { readonly prefix: string; readonly partition: string; readonly urlSuffix: string }[] = [
  { prefix: 'cn-', partition: 'aws-cn', urlSuffix: 'amazonaws.com.cn' },
  { prefix: 'us-gov-', partition: 'aws-us-gov', urlSuffix: 'amazonaws.com' },
  { prefix: 'us-isob-', partition: 'aws-iso-b', urlSuffix: 'sc2s.sgov.gov' },
  { prefix: 'us-iso-', partition: 'aws-iso', urlSuffix: 'c2s.ic.gov' },
];

const NO_REGION =
  'the deploy Region was not given (set region in samconfig.toml, the serverlessWorkbench.invoke.region setting, ' +
  'or --region)';

/** Pseudo parameters (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html). */
function pseudoParameter(name: string, span: Span, ctx: EvaluationContext): Evaluated {
  const { inputs } = ctx;
  const given = (input: InputValue | undefined, missing: string): Evaluated =>
    input ? known(input.value, [step('pseudo', `${name} from ${input.origin}`)]) : unknown(missing, span);
  switch (name) {
    case 'AWS::NoValue':
      return absent('AWS::NoValue leaves the property out', span, []);
    case 'AWS::Region':
      return given(inputs.region, `AWS::Region is unknown: ${NO_REGION}`);
    case 'AWS::AccountId':
      return given(inputs.accountId, 'AWS::AccountId is the deploying account, known only at deploy time');
    case 'AWS::StackName':
      return given(
        inputs.stackName,
        'AWS::StackName is chosen at deploy time (give stack_name in samconfig.toml or --stack-name)',
      );
    case 'AWS::Partition':
    case 'AWS::URLSuffix': {
      if (!inputs.region) return unknown(`${name} follows the Region, and ${NO_REGION}`, span);
      const region = inputs.region.value;
      const found = PARTITIONS.find((p) => region.startsWith(p.prefix)) ?? {
        partition: 'aws',
        urlSuffix: 'amazonaws.com',
      };
      const value = name === 'AWS::Partition' ? found.partition : found.urlSuffix;
      return known(value, [step('pseudo', `${name} of Region ${region} from ${inputs.region.origin}`)]);
    }
    case 'AWS::StackId':
    case 'AWS::NotificationARNs':
      return unknown(`${name} is only known after deploy`, span);
    default:
      return unknown(`${name} is not a pseudo parameter`, span);
  }
}
