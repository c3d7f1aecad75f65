import { outlineOf } from '../core/outline/outline';
import type { OutlineNode } from '../core/outline/outline';
import { describeProvenance } from '../core';
import type { FunctionView, Setting, Template } from '../core';
import type { ResolutionInputs } from '../core/model/resolve/types';
import { choice, EXIT, givenInputsOf, INPUT_USAGE, parseArgs, readTemplate, UsageError } from './io';

export const TREE_USAGE = `serverless-workbench tree <template> [--format text|json] ${INPUT_USAGE}`;

/** `tree`: the explorer's outline in a terminal, or every resource as JSON with 1-based positions. */
export function treeCommand(argv: readonly string[], out: (text: string) => void): number {
  const { positionals, flags } = parseArgs(argv);
  const format = choice(flags.get('format'), ['text', 'json'] as const, 'text', 'format');
  if (positionals.length !== 1) throw new UsageError(`usage: ${TREE_USAGE}`);
  const { template, inputs } = readTemplate(positionals[0], givenInputsOf(flags));
  out(
    format === 'json'
      ? JSON.stringify(treeJson(template, positionals[0], inputs.resolution), null, 2)
      : renderText(outlineOf(template, positionals[0])),
  );
  return EXIT.ok;
}

/** `inputs` are the values from outside the template (parameter overrides, Region, stage) with where each came from. */
export function treeJson(template: Template, file: string, inputs: ResolutionInputs = {}): unknown {
  const functionsById = new Map(template.functions.map((f) => [f.logicalId, f]));
  return {
    file,
    kind: template.kind,
    inputs,
    problems: template.problems.map((p) => ({
      code: p.code,
      severity: p.severity,
      message: p.message,
      ...template.lines.oneBased(p.span),
    })),
    resources: template.resources.map((r) => {
      const fn = functionsById.get(r.logicalId);
      return {
        logicalId: r.logicalId,
        type: r.type,
        kind: r.origin,
        ...(r.generatedBy ? { generatedBy: r.generatedBy.logicalId } : {}),
        range: template.lines.oneBased(r.idSpan),
        ...(r.condition !== undefined ? { condition: r.condition, created: r.created ?? 'unknown' } : {}),
        ...(fn ? { settings: functionSettingsJson(template, fn) } : {}),
      };
    }),
  };
}

/** A function's resolved settings: value (absent when unknown), where it came from in words, and each step. */
function functionSettingsJson(template: Template, fn: FunctionView): Record<string, unknown> {
  const settings: Record<string, Setting<unknown> | undefined> = {
    runtime: fn.runtime,
    handler: fn.handler,
    memorySize: fn.memorySize,
    timeout: fn.timeout,
    architecture: fn.architecture,
    ephemeralStorage: fn.ephemeralStorage,
    functionName: fn.functionName,
    reservedConcurrency: fn.reservedConcurrency,
    provisionedConcurrency: fn.provisionedConcurrency,
  };
  const out: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(settings)) {
    if (!setting) continue;
    out[name] = {
      ...(setting.value !== undefined ? { value: setting.value } : { unknown: setting.unknown }),
      from: describeProvenance(setting),
      provenance: setting.provenance.map((p) => ({
        origin: p.origin,
        description: p.description,
        ...(p.span ? { range: template.lines.oneBased(p.span) } : {}),
      })),
    };
  }
  return out;
}

function renderText(root: OutlineNode): string {
  const lines: string[] = [];
  const visit = (node: OutlineNode, prefix: string, last: boolean, depth: number): void => {
    const text = node.description ? `${node.label}  (${node.description})` : node.label;
    lines.push(depth === 0 ? text : `${prefix}${last ? '└─ ' : '├─ '}${text}`);
    const childPrefix = depth === 0 ? '' : `${prefix}${last ? '   ' : '│  '}`;
    node.children.forEach((c, i) => visit(c, childPrefix, i === node.children.length - 1, depth + 1));
  };
  visit(root, '', true, 0);
  return lines.join('\n');
}
