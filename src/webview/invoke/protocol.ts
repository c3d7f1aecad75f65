// Messages between the invoke result webview and the extension. Types only: both sides import them.

/** One invocation as the result panel shows it. */
export interface InvocationEntry {
  readonly id: string;
  readonly at: number;
  readonly function: string;
  readonly mode: string;
  /** "Duration 12 ms · billed 13 ms · 80 MB of 512 MB · cold start 180 ms · $0.0000002" */
  readonly summary: string;
  /** "TypeError: x is not a function", when the function failed. */
  readonly error?: string;
  /** The response: pretty-printed JSON when it is JSON, else the text as returned. */
  readonly response: string;
  readonly responseIsJson: boolean;
  /** The function's log as it printed it (START/END/REPORT included). */
  readonly logs: string;
}

export interface ResultPayload {
  /** Most recent first; the page shows `shown` (the newest unless the user picked another). */
  readonly entries: readonly InvocationEntry[];
  readonly shown: string;
}

export type ToResultView = { readonly type: 'results'; readonly payload: ResultPayload };

export type FromResultView =
  | { readonly type: 'copy'; readonly id: string }
  | { readonly type: 'saveAsEvent'; readonly id: string }
  | { readonly type: 'select'; readonly id: string };
