// Which palette slot a line item is drawn in: derived from what the item is, never from its place in a chart,
// so "Requests" is the same colour on every bar, in every template and at every opening of the breakdown.

/** Slots 0-5 are the theme's six chart colours; 6-11 the same colours translucent, for kinds beyond six. */
export const PALETTE_SLOTS = 12;
const SOLID_SLOTS = 6;

/** Kinds of line item the pricers produce (src/core/cost/services.ts), most specific first. */
const KIND_SLOTS: readonly (readonly [RegExp, number])[] = [
  [/^CloudWatch Logs/i, 3], // purple
  [/^NAT gateway/i, 4], // red
  [/^Provisioned/i, 5], // yellow: capacity paid for whether used or not
  [/^(Compute|Express duration)/i, 1], // orange
  [/storage/i, 2], // green
  [/^On-demand reads/i, 6],
  [/^On-demand writes/i, 7],
  [/requests|publishes|messages|events|transitions|connection minutes/i, 0], // blue
];

/**
 * The slot of a line item by its kind: its name without the parenthesised detail that varies between
 * resources ("Compute (arm64)", "Provisioned read capacity (5 RCU)"). Kinds not in the table get a slot from a
 * hash of the kind, among the translucent ones, so they differ from the known kinds and stay put.
 */
export function lineItemSlot(name: string): number {
  const kind = name.replace(/\s*\([^)]*\)/g, '').trim();
  const known = KIND_SLOTS.find(([pattern]) => pattern.test(kind));
  if (known) return known[1];
  return SOLID_SLOTS + (fnv1a(kind) % (PALETTE_SLOTS - SOLID_SLOTS));
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
