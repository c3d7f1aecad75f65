import { strict as assert } from 'assert';
import { loadTemplate, valueOf } from '../../../src/core';
import type { Evaluated, LoadOptions, ResolutionInputs, Template } from '../../../src/core';

export function template(
  text: string,
  resolution?: ResolutionInputs,
  fileName = 'template.yaml',
  options: LoadOptions = {},
): Template {
  const t = loadTemplate(text, fileName, { ...options, resolution });
  assert.ok(t, `${fileName} was not recognised as a template`);
  return t;
}

/** What the `Value` of an output evaluates to: an easy place to write any expression in a test. */
export function output(t: Template, name: string): Evaluated {
  const entry = t.outputs.find((o) => o.name === name);
  assert.ok(entry, `output ${name}`);
  const value = valueOf(entry.value, 'Value');
  assert.ok(value, `output ${name} has no Value`);
  return t.resolver.evaluate(value);
}

/** A known value and its steps as (origin, description) pairs, or the reason it is unknown. */
export function summary(e: Evaluated): unknown {
  if (e.known) return { value: e.value, steps: e.provenance.map((s) => `${s.origin}: ${s.description}`) };
  if (e.absent) return { absent: e.provenance.map((s) => `${s.origin}: ${s.description}`) };
  return { unknown: e.reason };
}

export function fn(t: Template, id: string) {
  const f = t.functions.find((x) => x.logicalId === id);
  assert.ok(f, `function ${id}`);
  return f;
}
