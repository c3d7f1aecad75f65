import { LIMITS } from '../../model/limits';
import type { IntrinsicNode, MapEntry, MapNode, Node, ScalarNode, SeqNode, Span } from '../../model/nodes';
import { entryOf, mapAt, syntheticScalar } from '../../model/nodes';
import { describeProvenance } from '../../model/resolve/describe';
import type { TemplateResolver } from '../../model/resolve/resolver';
import type { Known } from '../../model/resolve/types';
import type { RefTargets } from './intrinsic-shape';
import { ifBranches, intrinsicShape, isNoValue, mayBeAbsent } from './intrinsic-shape';
import { isPackagedPath } from './packaged';
import type { SchemaNode, SchemaType } from './schema-node';
import type { Violation } from './violation';

/** What the validator needs besides the schema: the definitions its `$ref`s name and the template's values. */
export interface ValidationContext {
  readonly definition: (name: string) => SchemaNode | undefined;
  readonly resolver: TemplateResolver;
  readonly refTargets: RefTargets;
  /** Maps a macro (`Fn::Transform`, `AWS::Include`) fills at deploy: their keys are not checked. */
  readonly opaque: ReadonlySet<Node>;
  /** Serverless Framework templates: `${...}` is a variable the framework resolves, so its value is unknown here. */
  readonly frameworkVariables: boolean;
  /** The document's text, to end a block map's or list's span at its last character rather than the next line. */
  readonly text: string;
  /**
   * A single value stands for a list of it, as the Serverless Framework validates its configuration (Ajv's
   * `coerceTypes: 'array'`, in serverless/lib/classes/config-schema-handler/resolve-ajv-validate.js).
   */
  readonly scalarAsList?: boolean;
  /**
   * A framework variable's value when it is certain here (`${self:custom.memory}` naming a literal), with its origin.
   */
  readonly variableValue?: (node: ScalarNode) => CertainValue | undefined;
}

export interface CertainValue {
  readonly value: string | number | boolean;
  /** Where it came from, in words: `from self:custom.memory`. */
  readonly origin: string;
}

/** Where a value sits: what its violations name, and the key a missing property of it is reported on. */
export interface Place {
  readonly logicalId: string | undefined;
  readonly owner: string;
  readonly path: readonly string[];
  /** The key whose value this is (a missing property is reported there); undefined for list items. */
  readonly keySpan: Span | undefined;
  /** The resource's own map (where `Properties` goes when a required property is inserted into none). */
  readonly resource?: MapNode;
  /** The resource has no `Properties` map: a required property is inserted with a new one. */
  readonly propertiesMissing?: boolean;
  /** This map as SAM reads it, Globals merged in: a key given there counts as present. */
  readonly merged?: MapNode;
  /**
   * SAM `Globals`: a part of each resource's properties, completed by the resources, so required keys and keys that
   * need each other are judged in the resources, not here.
   */
  readonly partial?: boolean;
}

/** What every violation says about its place. */
type Where = Pick<Violation, 'logicalId' | 'owner' | 'path'>;

/**
 * A `$ref` that names another `$ref`: generated definitions alias each other a level or two at most, so a longer
 * chain is a cycle in the data and the schema is treated as "anything".
 */
const MAX_REF_CHAIN = 16;

/**
 * CloudFormation reads scalars leniently: the text "512" is an integer, "true" a boolean, and a number or boolean
 * where text belongs is turned into text (cfn-lint's and the registry's own handling of template values).
 */
const INTEGER = /^[-+]?\d+$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const BOOLEAN = /^(true|false)$/i;
/** A dynamic reference (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html) is replaced at deploy. */
const DYNAMIC_REFERENCE = '{{resolve:';

/** Checks values against one schema file's schemas and collects what they break. Never throws for bad input. */
export class Validator {
  private out: Violation[] = [];
  private readonly patterns = new Map<string, RegExp | null>();
  /** Scalars made from a resolved intrinsic, with where their value came from. */
  private readonly derived = new WeakMap<Node, string | undefined>();

  constructor(private readonly ctx: ValidationContext) {}

  get violations(): readonly Violation[] {
    return this.out;
  }

  check(node: Node, schema: SchemaNode, place: Place, depth = 0): void {
    if (depth > LIMITS.maxNestingDepth) return;
    const s = this.resolve(schema);
    if (!s) return;
    if (node.kind === 'intrinsic') {
      this.intrinsic(node, s, place, depth);
      return;
    }
    // `{Fn::GetStackOutput: ...}`: a function newer than the model's list (or a macro's), whose value is unknown.
    if (node.kind === 'map' && node.entries.length === 1 && node.entries[0].key.startsWith('Fn::')) return;
    if (s.discriminator && node.kind === 'map') {
      this.discriminated(node, s, place, depth);
      return;
    }
    const branches = s.anyOf ?? s.oneOf;
    if (branches) {
      this.branches(node, s, branches, place, depth);
      return;
    }
    this.own(node, s, place, depth);
  }

  /** The keywords of the schema itself, without its branches. */
  private own(node: Node, s: SchemaNode, place: Place, depth: number): void {
    switch (node.kind) {
      case 'scalar':
        this.scalar(node, s, place, depth);
        break;
      case 'map':
        this.map(node, s, place, depth);
        break;
      case 'seq':
        this.seq(node, s, place, depth);
        break;
      case 'intrinsic':
        break;
    }
  }

  private resolve(schema: SchemaNode): SchemaNode | undefined {
    let current = schema;
    for (let hops = 0; current.$ref !== undefined; hops++) {
      const target = this.ctx.definition(current.$ref);
      if (!target || hops >= MAX_REF_CHAIN) return undefined;
      const { $ref: _ref, ...siblings } = current;
      current = Object.keys(siblings).length > 0 ? { ...target, ...siblings } : target;
    }
    return current;
  }

  /**
   * `Fn::If` gives either branch, so both are checked (`AWS::NoValue` leaves the key out). Other functions are
   * checked for the kind they return (a list where text belongs), and for their value when it is known here.
   */
  private intrinsic(node: IntrinsicNode, s: SchemaNode, place: Place, depth: number): void {
    const branches = ifBranches(node);
    if (branches) {
      // A branch that lacks a required key is pointed at itself, not at the key both branches share.
      const branchPlace: Place = { ...place, keySpan: undefined };
      for (const branch of branches) if (!isNoValue(branch)) this.check(branch, s, branchPlace, depth + 1);
      return;
    }
    if (node.name === 'Fn::Transform' || isNoValue(node)) return;
    const types = this.typesOf(s);
    const shape = intrinsicShape(node, this.ctx.refTargets);
    // A list where one value belongs is reported; one value where a list belongs is not, because CloudFormation
    // and the SAM transform accept a single value for some list properties.
    if (shape === 'list' && types.length > 0 && !types.includes('array')) {
      this.push({
        kind: 'type',
        span: node.span,
        ...this.where(place),
        expected: types,
        actual: `a list (${node.name})`,
        origin: undefined,
      });
      return;
    }
    if (shape === 'list' || (types.length > 0 && types.every((t) => t === 'array' || t === 'object'))) return;
    if (!judgesScalars(s, types)) return;
    const value = this.ctx.resolver.evaluate(node);
    if (!value.known || !isScalarValue(value.value) || value.provenance.some((p) => p.origin === 'stand-in')) return;
    const scalar = syntheticScalar(value.value, node.span);
    this.derived.set(scalar, originWords(value));
    this.check(scalar, s, place, depth + 1);
  }

  /** SAM events: the branch named by the value of one property (`Type: Api`), not a search through all of them. */
  private discriminated(node: MapNode, s: SchemaNode, place: Place, depth: number): void {
    const { property, mapping } = s.discriminator!;
    const entry = node.entries.find((e) => e.key === property);
    if (!entry || entry.value.kind !== 'scalar' || typeof entry.value.value !== 'string') return;
    const definition = mapping[entry.value.value];
    if (definition === undefined) {
      this.push({
        kind: 'enum',
        span: entry.value.span,
        ...this.where({ ...place, path: [...place.path, property] }),
        value: entry.value.value,
        allowed: Object.keys(mapping),
        origin: undefined,
        literal: entry.value,
      });
      return;
    }
    this.check(node, { $ref: definition }, place, depth + 1);
  }

  /**
   * anyOf/oneOf: the value is fine when one branch accepts it. Otherwise the branch of the value's own kind speaks
   * (fewest complaints first); when no branch has its kind, one type mismatch says what would fit.
   */
  private branches(node: Node, s: SchemaNode, branches: readonly SchemaNode[], place: Place, depth: number): void {
    const { anyOf: _anyOf, oneOf: _oneOf, ...own } = s;
    if (Object.keys(own).length > 0) this.own(node, own, place, depth);
    let best: { readonly violations: readonly Violation[]; readonly fits: boolean } | undefined;
    for (const branch of branches) {
      const violations = this.collect(() => this.check(node, branch, place, depth + 1));
      if (violations.length === 0) return;
      const resolved = this.resolve(branch);
      const fits = resolved !== undefined && this.kindFits(node, this.typesOf(resolved));
      if (!best || (fits && !best.fits) || (fits === best.fits && violations.length < best.violations.length))
        best = { violations, fits };
    }
    if (!best) return;
    if (best.fits) {
      for (const v of best.violations) this.out.push(v);
      return;
    }
    const expected = this.typesOf(s);
    if (expected.length === 0) return;
    this.push({
      kind: 'type',
      span: this.trimmed(node.span),
      ...this.where(place),
      expected,
      actual: describeNode(node),
      origin: this.derived.get(node),
    });
  }

  private scalar(node: ScalarNode, s: SchemaNode, place: Place, depth: number): void {
    const { value } = node;
    // An empty YAML value: another rule speaks about nulls, and CloudFormation's reading of them varies by property.
    if (value === null) return;
    if (this.isVariable(node)) {
      const known = this.ctx.variableValue?.(node);
      if (!known) return;
      const scalar = syntheticScalar(known.value, node.span);
      this.derived.set(scalar, known.origin);
      this.check(scalar, s, place, depth + 1);
      return;
    }
    const types = this.typesOf(s);
    const origin = this.derived.get(node);
    if (this.ctx.scalarAsList && types.includes('array') && !types.some((t) => scalarFits(value, t))) {
      if (s.items) this.check(node, s.items, { ...place, keySpan: undefined }, depth + 1);
      return;
    }
    if (typeof value === 'string' && value.includes(DYNAMIC_REFERENCE)) return;
    if (typeof value === 'string' && isPackagedPath(place.owner, place.path)) return;
    if (types.length > 0 && !types.some((t) => scalarFits(value, t))) {
      this.push({
        kind: 'type',
        span: node.span,
        ...this.where(place),
        expected: types,
        actual: describeNode(node),
        origin,
      });
      return;
    }
    // Values that differ only in case are not reported: several services read them without regard to case, and which
    // ones do is not in the schemas.
    if (s.enum && !s.enum.some((allowed) => String(allowed).toLowerCase() === String(value).toLowerCase())) {
      const literal = this.derived.has(node) ? undefined : node;
      this.push({
        kind: 'enum',
        span: node.span,
        ...this.where(place),
        value: String(value),
        allowed: s.enum.map(String),
        origin,
        literal,
      });
      return;
    }
    const numeric =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && NUMBER.test(value.trim())
          ? Number(value)
          : undefined;
    if (
      numeric !== undefined &&
      (types.includes('number') || types.includes('integer') || (types.length === 0 && typeof value === 'number'))
    ) {
      this.bounds(node.span, place, 'value', numeric, s.minimum, s.maximum, origin);
    }
    if (typeof value !== 'string') return;
    if (types.length === 0 || types.includes('string')) {
      if (s.minLength !== undefined || s.maxLength !== undefined)
        this.bounds(node.span, place, 'length', [...value].length, s.minLength, s.maxLength, origin);
      const pattern = s.pattern === undefined ? undefined : this.regExp(s.pattern);
      if (pattern && !pattern.test(value))
        this.push({ kind: 'pattern', span: node.span, ...this.where(place), value, pattern: s.pattern!, origin });
    }
  }

  private seq(node: SeqNode, s: SchemaNode, place: Place, depth: number): void {
    const types = this.typesOf(s);
    if (types.length > 0 && !types.includes('array')) {
      this.push({
        kind: 'type',
        span: this.trimmed(node.span),
        ...this.where(place),
        expected: types,
        actual: 'a list',
        origin: undefined,
      });
      return;
    }
    // Items that may be left out (`AWS::NoValue`) count towards the most there can be, not the fewest.
    const surely = node.items.filter((i) => !mayBeAbsent(i)).length;
    if (s.minItems !== undefined && node.items.length < s.minItems)
      this.bounds(node.span, place, 'items', node.items.length, s.minItems, undefined, undefined);
    if (s.maxItems !== undefined && surely > s.maxItems)
      this.bounds(node.span, place, 'items', surely, undefined, s.maxItems, undefined);
    if (!s.items) return;
    const itemPlace: Place = {
      logicalId: place.logicalId,
      owner: place.owner,
      path: place.path,
      keySpan: undefined,
      partial: place.partial,
    };
    for (const item of node.items) this.check(item, s.items, itemPlace, depth + 1);
  }

  private map(node: MapNode, s: SchemaNode, place: Place, depth: number): void {
    const types = this.typesOf(s);
    if (types.length > 0 && !types.includes('object')) {
      this.push({
        kind: 'type',
        span: this.trimmed(node.span),
        ...this.where(place),
        expected: types,
        actual: 'a map',
        origin: undefined,
      });
      return;
    }
    const opaque = this.ctx.opaque.has(node) || node.entries.some((e) => isMacroKey(e.key));
    for (const entry of node.entries) {
      const schema = this.propertySchema(s, entry.key);
      const path = [...place.path, entry.key];
      if (schema) {
        const merged = mapAt(place.merged, entry.key);
        this.check(
          entry.value,
          schema,
          {
            logicalId: place.logicalId,
            owner: place.owner,
            path,
            keySpan: entry.keySpan,
            merged,
            partial: place.partial,
          },
          depth + 1,
        );
      } else if (
        s.additionalProperties === false &&
        !opaque &&
        !entry.key.startsWith('Fn::') &&
        !this.isVariableKey(entry.key)
      ) {
        this.push({
          kind: 'unknown-property',
          span: entry.keySpan,
          ...this.where(place),
          key: entry.key,
          candidates: Object.keys(s.properties ?? {}),
        });
      }
    }
    if (!opaque) this.keys(node, s, place);
  }

  /** Required keys and the keys that need, exclude or stand in for each other. */
  private keys(node: MapNode, s: SchemaNode, place: Place): void {
    const entry = (key: string): MapEntry | undefined => node.entries.find((e) => e.key === key);
    // A key whose value is `AWS::NoValue` is left out; one that `Fn::If` may leave out is given in the other case.
    const present = (key: string): boolean => {
      const given = entry(key) ?? entryOf(place.merged, key);
      return given !== undefined && !isNoValue(given.value);
    };
    const where = this.where(place);
    const at = place.keySpan ?? node.entries[0]?.keySpan ?? node.span;
    for (const key of place.partial ? [] : (s.required ?? [])) {
      if (present(key)) continue;
      const schema = this.propertySchema(s, key);
      const resolved = schema && this.resolve(schema);
      this.push({
        kind: 'required',
        span: at,
        ...where,
        property: key,
        expected: resolved ? this.typesOf(resolved) : [],
        map: place.propertiesMissing ? undefined : node,
        resource: place.resource,
      });
    }
    for (const [key, needed] of Object.entries(place.partial ? {} : (s.dependentRequired ?? {}))) {
      const given = entry(key);
      if (!given) continue;
      const missing = needed.filter((n) => !present(n));
      if (missing.length > 0)
        this.push({
          kind: 'dependencies',
          span: given.keySpan,
          ...where,
          relation: 'requires',
          property: key,
          others: missing,
        });
    }
    // Mutually exclusive keys: a key that a condition may leave out (`AWS::NoValue`) is not surely given.
    const reported = new Set<string>();
    const surely = (key: string): MapEntry | undefined => {
      const e = entry(key);
      return e && !mayBeAbsent(e.value) ? e : undefined;
    };
    for (const [key, excluded] of Object.entries(s.dependentExcluded ?? {})) {
      const given = surely(key);
      if (!given) continue;
      for (const other of excluded) {
        const both = surely(other);
        const pair = [key, other].sort().join('\u0000');
        if (!both || reported.has(pair)) continue;
        reported.add(pair);
        const later = both.keySpan.start > given.keySpan.start ? both : given;
        const earlier = later === both ? given : both;
        this.push({
          kind: 'dependencies',
          span: later.keySpan,
          ...where,
          relation: 'excludes',
          property: later.key,
          others: [earlier.key],
        });
      }
    }
    for (const group of place.partial ? [] : (s.requiredOneOf ?? [])) {
      if (!group.some(present))
        this.push({ kind: 'dependencies', span: at, ...where, relation: 'one-of', property: undefined, others: group });
    }
  }

  private propertySchema(s: SchemaNode, key: string): SchemaNode | undefined {
    const own = s.properties?.[key];
    if (own) return own;
    for (const [source, schema] of Object.entries(s.patternProperties ?? {}))
      if (this.regExp(source)?.test(key)) return schema;
    return typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
  }

  private bounds(
    span: Span,
    place: Place,
    measure: 'value' | 'length' | 'items',
    actual: number,
    min: number | undefined,
    max: number | undefined,
    origin: string | undefined,
  ): void {
    const bound = min !== undefined && actual < min ? 'min' : max !== undefined && actual > max ? 'max' : undefined;
    if (bound)
      this.push({
        kind: 'range',
        span,
        ...this.where(place),
        measure,
        actual,
        origin,
        bound,
        limit: bound === 'min' ? min! : max!,
      });
  }

  /** The schema's own types, or those of all its branches when each branch says. */
  private typesOf(s: SchemaNode): readonly SchemaType[] {
    if (s.type !== undefined) return typeof s.type === 'string' ? [s.type] : s.type;
    const branches = s.anyOf ?? s.oneOf;
    if (!branches) return [];
    const all = new Set<SchemaType>();
    for (const branch of branches) {
      const resolved = this.resolve(branch);
      const types =
        resolved?.type === undefined ? [] : typeof resolved.type === 'string' ? [resolved.type] : resolved.type;
      if (types.length === 0) return [];
      for (const t of types) all.add(t);
    }
    return [...all];
  }

  private kindFits(node: Node, types: readonly SchemaType[]): boolean {
    if (types.length === 0) return true;
    switch (node.kind) {
      case 'scalar':
        return (
          node.value === null ||
          (this.ctx.scalarAsList === true && types.includes('array')) ||
          types.some((t) => scalarFits(node.value as string | number | boolean, t))
        );
      case 'map':
        return types.includes('object');
      case 'seq':
        return types.includes('array');
      case 'intrinsic':
        return true;
    }
  }

  /** Whether the framework fills this scalar in (`${self:custom.size}`): its value is not known here. */
  private isVariable(node: ScalarNode): boolean {
    if (!this.ctx.frameworkVariables || this.derived.has(node)) return false;
    // The model puts a variable's resolved value in its place, with the span of the `${...}` that asked for it.
    return this.ctx.resolver.madeByModel(node) || this.ctx.text.slice(node.span.start, node.span.end).includes('${');
  }

  /** A key the framework fills in (`${self:custom.name}: ...`), whose name is not known here. */
  private isVariableKey(key: string): boolean {
    return this.ctx.frameworkVariables && key.includes('${');
  }

  /** A block value's span without the line breaks YAML counts into it. */
  private trimmed(span: Span): Span {
    let end = span.end;
    while (end > span.start && /\s/.test(this.ctx.text[end - 1])) end--;
    return { start: span.start, end };
  }

  private regExp(source: string): RegExp | null {
    let compiled = this.patterns.get(source);
    if (compiled === undefined) {
      try {
        compiled = new RegExp(source);
      } catch {
        compiled = null; // A pattern JavaScript cannot read checks nothing rather than everything.
      }
      this.patterns.set(source, compiled);
    }
    return compiled;
  }

  private where(place: Place): Where {
    return { logicalId: place.logicalId, owner: place.owner, path: place.path.join('.') };
  }

  private push(violation: Violation): void {
    this.out.push(violation);
  }

  private collect(run: () => void): Violation[] {
    const saved = this.out;
    this.out = [];
    try {
      run();
      return this.out;
    } finally {
      this.out = saved;
    }
  }
}

function scalarFits(value: string | number | boolean, type: SchemaType): boolean {
  switch (type) {
    case 'string':
      return true;
    case 'number':
      return typeof value === 'number' || (typeof value === 'string' && NUMBER.test(value.trim()));
    case 'integer':
      return (
        (typeof value === 'number' && Number.isInteger(value)) ||
        (typeof value === 'string' && INTEGER.test(value.trim()))
      );
    case 'boolean':
      return typeof value === 'boolean' || (typeof value === 'string' && BOOLEAN.test(value));
    default:
      return false;
  }
}

/** Whether a scalar value can break this schema at all: text, with no enum, pattern or length, accepts any. */
function judgesScalars(s: SchemaNode, types: readonly SchemaType[]): boolean {
  return (
    s.enum !== undefined ||
    s.pattern !== undefined ||
    s.minimum !== undefined ||
    s.maximum !== undefined ||
    s.minLength !== undefined ||
    s.maxLength !== undefined ||
    s.anyOf !== undefined ||
    s.oneOf !== undefined ||
    types.some((t) => t !== 'string')
  );
}

function isScalarValue(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** `Fn::Transform` and `AWS::Include` fill a map at deploy; `Fn::ForEach::` loops left unexpanded make keys. */
function isMacroKey(key: string): boolean {
  return key === 'Fn::Transform' || key.startsWith('Fn::ForEach::');
}

function describeNode(node: Node): string {
  switch (node.kind) {
    case 'scalar':
      return typeof node.value === 'string' ? JSON.stringify(node.value) : String(node.value);
    case 'map':
      return 'a map';
    case 'seq':
      return 'a list';
    case 'intrinsic':
      return node.name;
  }
}

/** Where a resolved value came from, in words; undefined when it is written in place. */
function originWords(value: Known): string | undefined {
  if (value.provenance.every((p) => p.origin === 'literal')) return undefined;
  return describeProvenance(value);
}
