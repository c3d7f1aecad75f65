// Hand-rolled rather than `toLocaleString('en-US')` or Intl.NumberFormat: the first call in a process loads ICU's
// locale data, which costs more than the rest of a command line's start-up together (bench/cli-start.mjs), and the
// rules format their limits when they are defined.

/** A whole number's digits grouped by thousands, as en-US writes them: '1500000' → '1,500,000'. */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A whole number as messages and docs write it: 10240 → '10,240'. */
export function formatInteger(n: number): string {
  return groupThousands(String(n));
}
