import type { ValueSource } from '../needs';

/**
 * What a scanner knows an expression stands for. Scans of one file never look into another file, so
 * their results can be cached by content: names imported from the project's own files stay `import`
 * references until the files are linked.
 */
export type Sym =
  | { readonly kind: 'sdk-module'; readonly module: string }
  | { readonly kind: 'sdk-export'; readonly module: string; readonly name: string }
  /** `ownCredentials`: built with credentials of its own (keys, an assumed role), not the function's role. */
  | { readonly kind: 'client'; readonly prefix: string; readonly style: ClientStyle; readonly ownCredentials?: boolean }
  | { readonly kind: 'command' }
  | { readonly kind: 'object'; readonly props: Readonly<Record<string, Sym>> }
  | { readonly kind: 'import'; readonly spec: string; readonly name: string }
  | ValueSource;

/** `command`: v3 bare client (`send`); `methods`: v2 or v3 aggregated; `document`: DocumentClient methods. */
export type ClientStyle = 'command' | 'methods' | 'document';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A call on something imported from another project file: resolved when the files are linked. */
export interface DeferredCall {
  readonly receiver: Sym & { kind: 'import' };
  /** `method` for `recv.method(...)`, undefined for `new Recv(...)` and `recv(...)`. */
  readonly method?: string;
  readonly form: 'method' | 'new' | 'call';
  readonly params: Readonly<Record<string, ValueSource>>;
  readonly firstString?: string;
  readonly span: Span;
}

export interface Unresolved {
  readonly reason: string;
  readonly span: Span;
}
