/**
 * Fills a starter part's placeholders. `{{name}}` inside a line is replaced by its value; a line that holds only a
 * placeholder takes a block of lines, each indented as the placeholder is, and disappears when the block is empty.
 * A placeholder without a value is a mistake in the starters, so it throws (the tests generate every combination).
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  const valueOf = (key: string): string => {
    if (!Object.hasOwn(values, key)) throw new Error(`starter placeholder {{${key}}} has no value`);
    return values[key];
  };
  const lines = text.split('\n').flatMap((line) => {
    const block = /^( *)\{\{([^}]+)\}\}$/.exec(line);
    if (!block) return [line.replace(/\{\{([^}]+)\}\}/g, (_, key: string) => valueOf(key))];
    const value = valueOf(block[2]);
    if (value === '') return [];
    return value
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => (l === '' ? l : block[1] + l));
  });
  return lines.join('\n');
}
