import type { CostKind } from './kinds';
import { USAGE_KEYS } from './kinds';
import type { ResolvedUsage } from './wiring';

/** A view of one resource's usage whose getters note each key read. */
interface Recording {
  readonly figures: ResolvedUsage;
  readonly read: Set<string>;
}

type RecordingClass = new (figures: ResolvedUsage, read: Set<string>) => Recording;

/**
 * One class per set of keys, with the getters on its prototype: this runs for every resource on every keystroke, and
 * objects of one shape with prototype getters stay fast where per-object `defineProperty` does not.
 */
const classes = new Map<string, RecordingClass>();

function recordingClassOf(id: string, keys: readonly string[]): RecordingClass {
  let found = classes.get(id);
  if (!found) {
    const made = class {
      constructor(
        readonly figures: ResolvedUsage,
        readonly read: Set<string>,
      ) {}
    };
    for (const key of keys)
      Object.defineProperty(made.prototype, key, {
        enumerable: true,
        get(this: Recording) {
          this.read.add(key);
          return this.figures[key];
        },
      });
    classes.set(id, made);
    found = made;
  }
  return found;
}

/**
 * The usage a pricer is given, recording which keys it reads: a default that the price did not depend on (a NAT
 * figure of a function outside a VPC) is not reported as one. Pricers stay unaware of it, new services included.
 * `read` is given when several views share one record (every view of another resource a pricer follows).
 */
export function recordingReads(
  usage: ResolvedUsage,
  kind: CostKind,
  read = new Set<string>(),
): { usage: ResolvedUsage; read: Set<string> } {
  // Every resource of a kind has the kind's usage keys (resolveUsage), so the kind names the shape.
  const Recording = recordingClassOf(kind, Object.keys(USAGE_KEYS[kind]));
  return { usage: new Recording(usage, read) as unknown as ResolvedUsage, read };
}
