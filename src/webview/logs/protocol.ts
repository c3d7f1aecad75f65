// Messages and data of the log view page (a function's tail, or one request's log). Types only.
import type { LogLine } from '../../core/cloud';

export interface LogPageData {
  readonly title: string;
  /** Where the lines come from: the function, its log group and where that name came from, Region, profile. */
  readonly source: readonly string[];
  /** Lines known when the page is made (one request's whole log); a tail sends its lines as messages. */
  readonly lines?: readonly LogLine[];
}

/** The page tells the extension it listens, so no line sent before is lost. */
export type FromLogPage = { readonly type: 'ready' };

export type ToLogPage =
  | { readonly type: 'lines'; readonly lines: readonly LogLine[] }
  | { readonly type: 'status'; readonly text: string; readonly error?: boolean };
