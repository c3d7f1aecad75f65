import type { Node, Span } from '../nodes';
import type { Setting, SettingSource } from '../template';
import type { TemplateResolver } from './resolver';
import type { PlainValue, Provenance } from './types';
import { LIMITS } from '../limits';
import { bounded, known, literalStep, shown, step, textOf } from './values';

/** How a setting reads a resolved value, and what it expects (for the reason when it is something else). */
export interface SettingReader<T> {
  readonly read: (value: PlainValue) => T | undefined;
  readonly expected: string;
}

/** A number, or text CloudFormation accepts as one (`"512"`). */
export const NUMBER: SettingReader<number> = {
  read: (value) => {
    if (typeof value === 'number') return value;
    return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : undefined;
  },
  expected: 'a number',
};

export const TEXT: SettingReader<string> = { read: textOf, expected: 'text' };

type Architecture = 'x86_64' | 'arm64';
const architecture = (value: PlainValue): Architecture | undefined =>
  value === 'arm64' || value === 'x86_64' ? value : undefined;

/** `Architectures: [arm64]` (Lambda takes a list of one). */
export const ARCHITECTURE_LIST: SettingReader<Architecture> = {
  read: (value) => (Array.isArray(value) ? architecture(value[0]) : undefined),
  expected: 'a list of x86_64 or arm64',
};

/** `architecture: arm64` (Serverless Framework). */
export const ARCHITECTURE: SettingReader<Architecture> = { read: architecture, expected: 'x86_64 or arm64' };

/** The template leaves the setting out (`AWS::NoValue`), so the service's default applies; the steps say why. */
export interface LeftOut {
  readonly leftOut: readonly Provenance[];
}

const SOURCE_STEPS: Readonly<Record<SettingSource, string | undefined>> = {
  resource: undefined,
  globals: 'Globals',
  provider: 'provider',
  default: undefined,
};

/** A setting written at `node` (in the resource, SAM Globals or the Serverless provider), resolved. */
export function resolvedSetting<T>(
  resolver: TemplateResolver,
  node: Node,
  source: SettingSource,
  reader: SettingReader<T>,
): Setting<T> | LeftOut {
  const where = SOURCE_STEPS[source];
  const inherited: Provenance[] = where ? [step(source as 'globals' | 'provider', where, node.span)] : [];
  // Every function has a dozen settings, mostly written as plain values: those need no evaluation.
  const evaluated =
    node.kind === 'scalar' && !resolver.madeByModel(node)
      ? known(node.value, [literalStep(node)])
      : resolver.evaluate(node);
  if (evaluated.absent) return { leftOut: bounded(inherited, evaluated.provenance) };
  const span = node.span;
  if (!evaluated.known)
    return { value: undefined, node, span, source, provenance: inherited, unknown: evaluated.reason };
  const provenance = inherited.length === 0 ? evaluated.provenance : bounded(inherited, evaluated.provenance);
  const value = reader.read(evaluated.value);
  if (value === undefined)
    return {
      value,
      node,
      span,
      source,
      provenance,
      unknown: `the value ${shown(evaluated.value)} is not ${reader.expected}`,
    };
  return { value, node, span, source, provenance };
}

/** The service's default for a setting the template leaves out, after the steps that left it out. */
export function defaultSetting<T>(
  value: T,
  span: Span,
  description: string,
  leftOut: readonly Provenance[] = [],
): Setting<T> {
  return {
    value,
    span,
    source: 'default',
    provenance: [...leftOut.slice(0, LIMITS.maxProvenanceSteps - 1), step('default', description)],
  };
}

export function isLeftOut<T>(setting: Setting<T> | LeftOut): setting is LeftOut {
  return 'leftOut' in setting;
}
