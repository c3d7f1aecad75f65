import type { Span } from '../model/nodes';
import { entryOf } from '../model/nodes';
import { describeProvenance, isWrittenInPlace } from '../model/resolve/describe';
import type { Provenance } from '../model/resolve/types';
import type { Setting, Template } from '../model/template';
import { replaceScalarAt } from './edits';
import type { Fix, RelatedLocation } from './types';

/**
 * Findings about a resolved setting (`MemorySize: !Ref Mem`) land on the value as written, say where the value
 * came from, point at that place, and fix the value there, never by writing a literal over the reference.
 */

/** Steps that say where a setting was inherited from; `inheritedBy` already words them in messages. */
const SCOPES: ReadonlySet<string> = new Set(['globals', 'provider']);

/** The steps that made the value, without the Globals/provider scope it was inherited through. */
function producingSteps(setting: Setting<unknown>): readonly Provenance[] {
  return setting.provenance.filter((s) => !SCOPES.has(s.origin));
}

/**
 * " (Default of parameter Mem)" after a value that is not written in place, "" otherwise. A value given from
 * outside the template (samconfig.toml, a setting, the command line) is said to be changed there.
 */
export function originNote(setting: Setting<unknown>): string {
  if (setting.value === undefined || setting.source === 'default' || isWrittenInPlace(setting)) return '';
  const words = describeProvenance({ ...setting, provenance: producingSteps(setting) });
  const outside = setting.provenance.some((s) => s.origin === 'override');
  return outside ? ` (${words}; not written in this template)` : ` (${words})`;
}

/** The places in the template the value came from (a parameter's Default, a mapping entry, a condition). */
export function originRelated(setting: Setting<unknown>): RelatedLocation[] {
  if (setting.value === undefined) return [];
  return producingSteps(setting)
    .filter(
      (s): s is Provenance & { span: Span } =>
        s.span !== undefined && s.origin !== 'literal' && !sameSpan(s.span, setting.span),
    )
    .map((s) => ({ span: s.span, message: s.description }));
}

/** Parameter properties a new Default must also satisfy; with any of them the fix is left to the user. */
const PARAMETER_CONSTRAINTS = ['AllowedValues', 'AllowedPattern', 'MinValue', 'MaxValue', 'MinLength', 'MaxLength'];

/**
 * A fix that sets the value where it is written: the scalar itself, or the Default of the one parameter it
 * comes from. Values chosen by a condition or a mapping, computed, or given outside the template get no fix:
 * changing them is a decision about the inputs, not an edit of this value.
 */
export function settingFix(
  template: Template,
  setting: Setting<unknown>,
  value: string | number,
  title: string,
): Fix[] {
  if (setting.value === undefined) return [];
  const steps = producingSteps(setting);
  if (steps.length !== 1 || !steps[0].span) return [];
  const [only] = steps;
  const span = only.span!;
  if (only.origin !== 'literal' && only.origin !== 'parameter-default') return [];
  // A Serverless variable keeps the span of the `${...}` that produced it: its text is not the value.
  if (unquoted(template.text.slice(span.start, span.end)) !== String(setting.value)) return [];
  if (only.origin === 'literal')
    return [{ title: `${title} to ${value}`, edits: [replaceScalarAt(template, span, value)], preferred: true }];
  const parameter = template.parameters.find((p) => sameSpan(entryOf(p.value, 'Default')?.value.span, span));
  if (parameter && PARAMETER_CONSTRAINTS.some((key) => entryOf(parameter.value, key))) return [];
  return [
    { title: `Set ${only.description} to ${value}`, edits: [replaceScalarAt(template, span, value)], preferred: true },
  ];
}

function unquoted(raw: string): string {
  return /^(['"]).*\1$/s.test(raw) ? raw.slice(1, -1) : raw;
}

function sameSpan(a: Span | undefined, b: Span): boolean {
  return a !== undefined && a.start === b.start && a.end === b.end;
}

/**
 * Whether a resource is left out of the stack by a condition that is false with the inputs given. Rules about
 * what the resource does once it runs (exposure, timeouts callers meet, concurrency it takes) skip it: nothing
 * runs. Rules about values the service rejects still apply to it, because the same template deploys with other
 * inputs where the condition holds, and its values are wrong there.
 */
export function notCreated(resource: { readonly created?: boolean }): boolean {
  return resource.created === false;
}
