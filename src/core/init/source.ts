import type { StarterSource } from './plan';

/**
 * The starters as read by an adapter: every file below `starters/` by its path with `/` (`sam/template.yaml`). The
 * CLI reads them with Node's fs, the editor through `vscode.workspace.fs`; either way the plan is made from memory.
 */
export function starterSourceOf(files: ReadonlyMap<string, string>): StarterSource {
  return {
    list: (dir) =>
      [...files.keys()]
        .filter((file) => file.startsWith(`${dir}/`))
        .map((file) => file.slice(dir.length + 1))
        .sort(),
    read: (file) => {
      const text = files.get(file);
      if (text === undefined) throw new Error(`the starters have no ${file}`);
      return text;
    },
  };
}
