import type { MapEntry, MapNode, Node } from '../nodes';
import type { Resource } from '../template';
import type { GeneratedResources } from './collector';

/** An event under a function's or state machine's `Events`: the resource and the entry as written. */
export interface EventSite {
  readonly owner: Resource;
  readonly entry: MapEntry;
  readonly type: string;
  readonly properties: MapNode | undefined;
}

/** What the generators share while they walk the written resources once. */
export interface SamContext {
  readonly out: GeneratedResources;
  /** `Globals.Api` and `Globals.HttpApi`, which SAM also applies to the implicit APIs. */
  readonly globalApi: MapNode | undefined;
  readonly globalHttpApi: MapNode | undefined;
  /** `Api` / `HttpApi` events without `RestApiId` / `ApiId`: they make the implicit APIs. */
  readonly implicitRestEvents: EventSite[];
  readonly implicitHttpEvents: EventSite[];
  /**
   * A string as SAM reads it for naming: a literal, or `!Ref Param` resolved to the parameter's value
   * (the translator resolves parameter references before it names some resources, e.g. AutoPublishAlias).
   */
  readonly resolveString: (node: Node | undefined) => string | undefined;
  /** The parameter values SAM resolves references with (see `samParameterValues`). */
  readonly parameterValues: ReadonlyMap<string, unknown>;
}
