import { DEFAULT_ROUTE } from './routes';
import type { Route } from './types';

type Segment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

/** What routing reads of a route: a function's route or a mock integration. */
type Routable = Pick<Route, 'method' | 'path'>;

interface CompiledRoute<R extends Routable> {
  readonly route: R;
  readonly segments: readonly Segment[];
}

export interface RouteMatch<R extends Routable = Route> {
  readonly route: R;
  /** Decoded values of `{name}` and `{name+}`, or null when the route has none (as API Gateway sends it). */
  readonly pathParameters: Readonly<Record<string, string>> | null;
}

function compile<R extends Routable>(route: R): CompiledRoute<R> {
  const segments = splitPath(route.path).map((part): Segment => {
    const param = /^\{([^{}+]+)(\+?)\}$/.exec(part);
    if (!param) return { kind: 'literal', text: part };
    return param[2] ? { kind: 'greedy', name: param[1] } : { kind: 'param', name: param[1] };
  });
  return { route, segments };
}

/** `/a/b/` and `/a/b` are one resource path; `/` has no segments. */
export function splitPath(path: string): string[] {
  return path.split('/').filter((part, i, all) => part !== '' || (i > 0 && i < all.length - 1));
}

const RANK: Record<Segment['kind'], number> = { literal: 0, param: 1, greedy: 2 };

/**
 * API Gateway picks the most specific route: literal segments before `{param}` before greedy `{proxy+}`, compared
 * from the left; a route for the method before `ANY`; `$default` last (API Gateway developer guide, "Working with
 * routes for HTTP APIs", "Routing API requests").
 */
function bySpecificity(a: CompiledRoute<Routable>, b: CompiledRoute<Routable>): number {
  const aDefault = a.route.path === DEFAULT_ROUTE;
  const bDefault = b.route.path === DEFAULT_ROUTE;
  if (aDefault !== bDefault) return aDefault ? 1 : -1;
  for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
    const diff = RANK[a.segments[i].kind] - RANK[b.segments[i].kind];
    if (diff !== 0) return diff;
  }
  if (a.segments.length !== b.segments.length) return b.segments.length - a.segments.length;
  return (a.route.method === 'ANY' ? 1 : 0) - (b.route.method === 'ANY' ? 1 : 0);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function matchSegments(segments: readonly Segment[], parts: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.kind === 'greedy') {
      if (i >= parts.length) return undefined;
      params[segment.name] = decode(parts.slice(i).join('/'));
      return params;
    }
    if (i >= parts.length) return undefined;
    if (segment.kind === 'literal' && segment.text !== parts[i]) return undefined;
    if (segment.kind === 'param') params[segment.name] = decode(parts[i]);
  }
  return segments.length === parts.length ? params : undefined;
}

/** The routes of one server, most specific first. */
export class Router<R extends Routable = Route> {
  private readonly compiled: readonly CompiledRoute<R>[];

  constructor(routes: readonly R[]) {
    this.compiled = routes.map(compile).sort(bySpecificity);
  }

  /** The route a request reaches, with its path parameters; undefined when none does. */
  match(method: string, rawPath: string): RouteMatch<R> | undefined {
    const parts = splitPath(rawPath);
    for (const { route, segments } of this.compiled) {
      if (route.method !== 'ANY' && route.method !== method) continue;
      if (route.path === DEFAULT_ROUTE) return { route, pathParameters: null };
      const params = matchSegments(segments, parts);
      if (params) return { route, pathParameters: Object.keys(params).length ? params : null };
    }
    return undefined;
  }

  /** Every route whose path matches, whatever its method (a CORS preflight answers for the path). */
  routesAt(rawPath: string): R[] {
    const parts = splitPath(rawPath);
    return this.compiled
      .filter((c) => c.route.path !== DEFAULT_ROUTE && matchSegments(c.segments, parts))
      .map((c) => c.route);
  }

  get routes(): readonly R[] {
    return this.compiled.map((c) => c.route);
  }
}
