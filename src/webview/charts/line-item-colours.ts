// Which palette slot a line item is drawn in: derived from what the item is, never from its place in a chart,
// so "Requests" is the same colour on every bar, in every template and at every opening of the breakdown.

/** Slots 0-5 are the theme's six chart colours; 6-11 the same colours translucent. */
export const PALETTE_SLOTS = 12;

/**
 * The kinds the pricers produce (src/core/cost/services.ts), most specific first. What is counted per call is
 * blue on every service, time and memory orange, storage green; kinds that can share a resource's bar differ
 * (a bucket's PUT and GET requests, a table's reads and writes).
 */
const KIND_SLOTS: readonly (readonly [RegExp, number])[] = [
  [/^CloudWatch Logs ingestion/, 3], // purple
  [/^CloudWatch Logs storage/, 9],
  [/^NAT gateway hours/, 4], // red
  [/^NAT gateway data/, 10],
  [/^Provisioned write/, 11],
  [/^Provisioned/, 5], // yellow: capacity paid for whether used or not
  [/^Ephemeral storage/, 8],
  [/^(Compute|Express duration|WebSocket connection minutes)/, 1], // orange
  [/storage/i, 2], // green
  [/^On-demand reads/, 6],
  [/^On-demand writes/, 7],
  [/^PUT/, 6],
  [/requests|publishes|messages|events|transitions/i, 0], // blue
];

/**
 * The slot of a line item by its kind: its name without the parenthesised detail that varies between
 * resources ("Compute (arm64)", "Provisioned read capacity (5 RCU)"). Other kinds (an API's or a bucket's
 * requests) get a slot from a hash of the kind, so they stay put too.
 */
export function lineItemSlot(name: string): number {
  const kind = name.replace(/\s*\([^)]*\)/g, '').trim();
  const known = KIND_SLOTS.find(([pattern]) => pattern.test(kind));
  return known ? known[1] : fnv1a(kind) % PALETTE_SLOTS;
}

/** FNV-1a: a small, stable string hash (the same in every browser and in Node). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
