import { randomUUID } from 'crypto';
import type { MapNode, Node } from '../../model/nodes';
import { itemsOf, stringOf, valueOf } from '../../model/nodes';
import { textOf } from '../../model/resolve/values';
import type { LocalResolution } from '../local-settings';
import { LOCAL_ACCOUNT_ID } from '../limits';

/** What an event generator knows: the declared event's properties, resolved where the template allows. */
export class EventContext {
  readonly accountId = LOCAL_ACCOUNT_ID;
  readonly now = new Date();

  constructor(
    readonly properties: MapNode | undefined,
    private readonly resolution: LocalResolution,
    readonly functionName: string,
  ) {}

  get region(): string {
    return this.resolution.region.value;
  }

  node(path: string): Node | undefined {
    return path
      .split('.')
      .reduce<Node | undefined>(
        (n, key) => (n?.kind === 'seq' ? n.items[Number(key)] : valueOf(n, key)),
        this.properties,
      );
  }

  /** A property as a string, through `!Ref`, `!GetAtt` and `!Sub` when they can be resolved here. */
  text(path: string): string | undefined {
    const n = this.node(path);
    return n && this.textOf(n);
  }

  list(path: string): string[] {
    const n = this.node(path);
    if (!n) return [];
    if (n.kind === 'seq')
      return itemsOf(n)
        .map((i) => this.textOf(i))
        .filter((s): s is string => s !== undefined);
    const one = this.text(path);
    return one === undefined ? [] : [one];
  }

  private textOf(n: Node): string | undefined {
    const written = stringOf(n);
    if (written !== undefined) return written;
    const evaluated = this.resolution.resolver.evaluate(n);
    return evaluated.known ? textOf(evaluated.value) : undefined;
  }

  arn(service: string, resource: string): string {
    return `arn:aws:${service}:${this.region}:${this.accountId}:${resource}`;
  }

  id(): string {
    return randomUUID();
  }

  /** Seconds since the epoch, as stream records carry it. */
  epochSeconds(): number {
    return Math.floor(this.now.getTime() / 1000);
  }
}

/** The last `:`- or `/`-separated part of an ARN: a queue, topic or table name. */
export function nameFromArn(arn: string | undefined, fallback: string): string {
  if (!arn) return fallback;
  const tail = arn.split(/[:/]/).filter(Boolean);
  return tail[tail.length - 1] ?? fallback;
}

export const EXAMPLE_BODY = JSON.stringify({ message: 'hello from Serverless Workbench' });
