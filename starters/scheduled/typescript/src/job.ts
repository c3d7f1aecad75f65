// Runs every hour over the hour that just ended, taken from the event's time so that a late or repeated run
// covers the same hour.
import type { ScheduledEvent } from 'aws-lambda';

const HOUR_MS = 60 * 60 * 1000;

/** The hour a run covers, as ISO 8601 times. */
export interface Window {
  readonly from: string;
  readonly to: string;
}

export async function handler(event: ScheduledEvent): Promise<Window> {
  const end = Math.floor(Date.parse(event.time) / HOUR_MS) * HOUR_MS;
  const window: Window = { from: new Date(end - HOUR_MS).toISOString(), to: new Date(end).toISOString() };
  // Your job goes here (summarise the hour's orders, clean up what expired...).
  console.log(JSON.stringify({ level: 'INFO', message: 'hour processed', ...window }));
  return window;
}
