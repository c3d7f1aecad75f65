/** Number formatting shared by CodeLens, breakdown, CLI and hovers, so a figure reads the same everywhere. */

import { groupThousands } from '../format-number';

/**
 * One formatter per precision: `toLocaleString` with options builds a new `Intl.NumberFormat` on every call, which
 * was most of the cost CodeLens's time on a 500-resource template (a figure and a tooltip per resource per keystroke).
 */
const usdFormats = new Map<number, Intl.NumberFormat>();

/** `$18.73`; precision is the user's setting (digits after the point). */
export function formatUsd(usd: number, precision = 2): string {
  let format = usdFormats.get(precision);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: precision, maximumFractionDigits: precision });
    usdFormats.set(precision, format);
  }
  return `$${format.format(usd)}`;
}

/** Unit prices keep their significant digits and never use exponent notation: `$0.0000166667`. */
export function formatUnitUsd(usd: number): string {
  const rounded = Number(usd.toPrecision(6));
  const text = String(rounded);
  // Cents keep two digits ($0.50, not $0.5); smaller prices keep their significant digits ($0.045).
  if (!text.includes('e')) return `$${/\.\d$/.test(text) ? `${text}0` : text}`;
  // 2e-7 → 0.0000002: small unit prices read better without exponents.
  const [mantissa, exponent] = rounded.toExponential().split('e');
  const digits = mantissa.replace('.', '').replace('-', '');
  return `$${rounded < 0 ? '-' : ''}0.${'0'.repeat(-Number(exponent) - 1)}${digits}`;
}

/** `1,500,000`, `0.954`: grouped, at most three decimals. */
export function formatQuantity(n: number): string {
  const [whole, fraction] = String(Math.round(n * 1000) / 1000).split('.');
  if (whole.includes('e')) return String(n);
  return fraction ? `${groupThousands(whole)}.${fraction}` : groupThousands(whole);
}

const COMPACT_UNITS: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** `3M`, `1.5M`, `10K`, `400`: what a CodeLens has room for. */
export function compact(n: number): string {
  for (const [size, suffix] of COMPACT_UNITS) {
    if (Math.abs(n) >= size) return `${Number((n / size).toPrecision(3))}${suffix}`;
  }
  return `${Number(n.toPrecision(3))}`;
}
