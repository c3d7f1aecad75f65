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
   * A string as SAM reads it for naming: a literal, or `!Ref Param` resolved to the parameter's
   * `Default` (the translator resolves parameter references with their defaults, e.g. AutoPublishAlias).
   */
  readonly resolveString: (node: Node | undefined) => string | undefined;
  /** `Parameters` with a `Default`, by name. */
  readonly parameterDefaults: ReadonlyMap<string, Node>;
}
