/** Past this size the oldest log text is dropped from memory (streaming listeners still see everything). */
const MAX_KEPT_LOG_CHARS = 4 * 1024 * 1024;

/** The log of one invocation: kept for the result, and streamed live to whoever listens. */
export class LogCollector {
  private chunks: string[] = [];
  private size = 0;

  constructor(private readonly listener?: (text: string) => void) {}

  write(text: string): void {
    if (!text) return;
    this.chunks.push(text);
    this.size += text.length;
    if (this.size > MAX_KEPT_LOG_CHARS) {
      const joined = this.chunks.join('');
      const kept = joined.slice(joined.length - MAX_KEPT_LOG_CHARS / 2);
      this.chunks = ['[earlier log lines dropped]\n', kept];
      this.size = kept.length;
    }
    this.listener?.(text);
  }

  get text(): string {
    return this.chunks.join('');
  }
}
