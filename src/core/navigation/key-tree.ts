import { formatOf } from '../model/load';
import type { Node } from '../model/nodes';
import { parseJson } from '../model/parse-json';
import { parseYaml } from '../model/parse-yaml';

/** Any YAML or JSON file (not necessarily a template) as a node tree, for finding a key path in it. */
export function loadKeyTree(text: string, fileName: string): Node | undefined {
  try {
    return (formatOf(fileName, text) === 'json' ? parseJson(text) : parseYaml(text)).root;
  } catch {
    return undefined;
  }
}
