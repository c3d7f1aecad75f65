import * as vscode from 'vscode';
import type { FunctionRef } from './target';
import { SETTINGS } from '../settings.generated';

export interface HistoryEntry {
  readonly at: number;
  readonly mode: 'local' | 'remote';
  readonly eventFile?: string;
  /** The event itself when it did not come from a file (kept small). */
  readonly event?: string;
  readonly summary: string;
  readonly error?: string;
}

/** Events kept inline in history up to this size; larger ones are re-read from their file. */
const MAX_INLINE_EVENT_CHARS = 64 * 1024;

/** Recent invocations per function, kept in the workspace state so they survive a reload. */
export class InvokeHistory {
  constructor(private readonly state: vscode.Memento) {}

  private key(ref: FunctionRef): string {
    return `invokeHistory:${ref.templateUri.toString()}#${ref.logicalId}`;
  }

  list(ref: FunctionRef): HistoryEntry[] {
    return this.state.get<HistoryEntry[]>(this.key(ref), []);
  }

  async add(ref: FunctionRef, entry: HistoryEntry): Promise<void> {
    const event = entry.event !== undefined && entry.event.length > MAX_INLINE_EVENT_CHARS ? undefined : entry.event;
    const next = [{ ...entry, event }, ...this.list(ref)].slice(0, SETTINGS.invoke.historySize.value());
    await this.state.update(this.key(ref), next);
  }
}
