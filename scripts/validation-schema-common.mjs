// Shared by update-cfn-schemas.mjs and update-sam-schemas.mjs: the hand-kept tables merged at their schema
// nodes (scripts/schema-corrections.json: nodes that say otherwise than AWS accepts; scripts/schema-combinations.json:
// keys that exclude or require each other; scripts/schema-enums.json: allowed values the registry schemas leave
// open), the writer of data/<name>.json, and the namespace files of data/cfn-schemas/.
import { mkdirSync, readFileSync, writeFileSync } from 'fs';

/** The folder of CloudFormation's validation schemas, one file per service namespace (src/core/schema/catalog.ts). */
export const CFN_SCHEMAS_FOLDER = 'cfn-schemas';

/** The file a type or definition (`<Type>.<Name>`) is in: `AWS::Lambda::Function.Code` → `AWS-Lambda`. */
export const cfnNamespace = (key) => key.split('::').slice(0, 2).join('-');

/** Every namespace file of data/cfn-schemas/ as one file (the SAM generator copies pass-through properties). */
export function readCfnSchemas() {
  const folder = new URL(`../data/${CFN_SCHEMAS_FOLDER}/`, import.meta.url);
  const read = (name) => JSON.parse(readFileSync(new URL(`${name}.json`, folder), 'utf8'));
  const files = read('namespaces').namespaces.map(read);
  return {
    resources: Object.assign({}, ...files.map((f) => f.resources)),
    definitions: Object.assign({}, ...files.map((f) => f.definitions)),
  };
}

const COMBINATION_KEYWORDS = ['requiredOneOf', 'dependentRequired', 'dependentExcluded'];

/** The object node a `$ref` names, or the node itself. */
export function dereference(file, node) {
  return node?.$ref ? file.definitions[node.$ref] : node;
}

const table = (name, kind) => JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'))[kind];
const where = (entry) => `${entry.type ?? entry.definition} ${(entry.path ?? []).join('.')}`;

/** The node an entry names: a resource's Properties (or a definition), then down its `path` of property names. */
function entryNode(file, entry) {
  let node = entry.definition ? file.definitions[entry.definition] : file.resources[entry.type];
  for (const key of entry.path ?? []) node = dereference(file, node)?.properties?.[key];
  return node;
}

/**
 * Applies schema-corrections.json's entries for this file (`cfn` or `sam`); returns how many were applied. A node is
 * replaced in its parent, never changed in place: generated nodes are shared between the places that use them.
 */
export function applyCorrections(file, kind) {
  const entries = table('schema-corrections.json', kind);
  for (const entry of entries) {
    const parent = dereference(file, entryNode(file, { ...entry, path: entry.path.slice(0, -1) }));
    const key = entry.path.at(-1);
    const node = parent?.properties?.[key];
    if (!node) throw new Error(`schema-corrections.json: no property at ${where(entry)}`);
    const missing = (entry.drop ?? []).filter((keyword) => node[keyword] === undefined);
    if (missing.length)
      throw new Error(`schema-corrections.json: ${where(entry)} has no ${missing.join(', ')} now: remove the entry`);
    const corrected =
      entry.replace ?? Object.fromEntries(Object.entries(node).filter(([keyword]) => !entry.drop.includes(keyword)));
    parent.properties = { ...parent.properties, [key]: corrected };
  }
  return entries.length;
}

/** Merges schema-enums.json's entries for this file (`cfn` or `sam`); returns how many were merged. */
export function applyEnums(file, kind) {
  const entries = table('schema-enums.json', kind);
  for (const entry of entries) {
    const node = entryNode(file, entry);
    if (node?.type !== 'string' || node.enum)
      throw new Error(`schema-enums.json: ${where(entry)} is not an open string`);
    node.enum = entry.enum;
  }
  return entries.length;
}

/** Merges schema-combinations.json's entries for this file (`cfn` or `sam`); returns how many were merged. */
export function applyCombinations(file, kind) {
  const entries = table('schema-combinations.json', kind);
  for (const entry of entries) {
    const node = dereference(file, entryNode(file, entry));
    if (!node?.properties) throw new Error(`schema-combinations.json: no object at ${where(entry)}`);
    for (const keyword of COMBINATION_KEYWORDS) {
      if (!entry[keyword]) continue;
      const names = keyword === 'requiredOneOf' ? entry[keyword].flat() : Object.entries(entry[keyword]).flat(2);
      const missing = names.filter((n) => !(n in node.properties));
      if (missing.length) throw new Error(`schema-combinations.json: ${where(entry)} has no ${missing.join(', ')}`);
      node[keyword] =
        keyword === 'requiredOneOf'
          ? [...(node[keyword] ?? []), ...entry[keyword]]
          : { ...node[keyword], ...entry[keyword] };
    }
  }
  return entries.length;
}

/** Writes data/<name>.json compactly (no indentation: it is read by code only); returns its size in bytes. */
export function writeValidationSchemas(name, file) {
  const text = JSON.stringify(file);
  const url = new URL(`../data/${name}.json`, import.meta.url);
  mkdirSync(new URL('.', url), { recursive: true });
  writeFileSync(url, text);
  return Buffer.byteLength(text);
}
