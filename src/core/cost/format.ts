/** Number formatting shared by CodeLens, breakdown, CLI and hovers, so a figure reads the same everywhere. */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const quantityFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const unitPriceFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6, useGrouping: false });

/** `$18.73`; precision is the user's setting (digits after the point). */
export function formatUsd(usd: number, precision = 2): string {
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: precision, maximumFractionDigits: precision })}`;
}

/** Unit prices keep their significant digits and never use exponent notation: `$0.0000166667`. */
export function formatUnitUsd(usd: number): string {
  return `$${unitPriceFormat.format(usd)}`;
}

export function formatQuantity(n: number): string {
  return Number.isInteger(n) ? integer.format(n) : quantityFormat.format(n);
}

/** `3M`, `1.5M`, `10K`, `400`: what a CodeLens has room for. */
export function compact(n: number): string {
  const units: [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
  for (const [size, suffix] of units) {
    if (Math.abs(n) >= size) return `${Number((n / size).toPrecision(3))}${suffix}`;
  }
  return `${Number(n.toPrecision(3))}`;
}
