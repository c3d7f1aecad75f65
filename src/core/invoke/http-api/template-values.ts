import type { Node } from '../../model/nodes';
import { itemsOf } from '../../model/nodes';
import { resourceNamedBy } from '../../model/references';
import type { TemplateResolver } from '../../model/resolve/resolver';
import type { PlainValue } from '../../model/resolve/types';
import type { Template } from '../../model/template';

const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);

/** Reads the values an API's settings resolve to for a local run; what only AWS knows reads as undefined. */
export class TemplateValues {
  constructor(
    readonly template: Template,
    private readonly resolver: TemplateResolver,
  ) {}

  value(node: Node | undefined): PlainValue | undefined {
    if (!node) return undefined;
    const evaluated = this.resolver.evaluate(node);
    return evaluated.known ? evaluated.value : undefined;
  }

  text(node: Node | undefined): string | undefined {
    const v = this.value(node);
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  }

  number(node: Node | undefined): number | undefined {
    const v = this.value(node);
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    return Number.isFinite(n) ? n : undefined;
  }

  boolean(node: Node | undefined): boolean | undefined {
    const v = this.value(node);
    if (typeof v === 'boolean') return v;
    return v === 'true' ? true : v === 'false' ? false : undefined;
  }

  texts(node: Node | undefined): string[] {
    if (node?.kind === 'seq') return itemsOf(node).flatMap((item) => this.text(item) ?? []);
    const one = this.text(node);
    return one === undefined ? [] : [one];
  }

  /**
   * The logical ID of the function a value names: `!GetAtt Fn.Arn`, `${Fn.Arn}` inside a `Fn::Sub` (an OpenAPI
   * integration URI), a Serverless Framework function key, or a function's deployed name or ARN.
   */
  functionOf(node: Node | undefined): string | undefined {
    const named = resourceNamedBy(this.template, node);
    if (named && FUNCTION_TYPES.has(named.type)) return named.logicalId;
    const text = this.text(node);
    return text === undefined ? undefined : this.functionNamed(text);
  }

  functionNamed(text: string): string | undefined {
    const name = /:function:([^:/]+)/.exec(text)?.[1] ?? text;
    const found =
      this.template.functions.find((f) => f.logicalId === name) ??
      this.template.functions.find((f) => f.displayName === name || f.functionName?.value === name);
    return found?.logicalId;
  }
}
