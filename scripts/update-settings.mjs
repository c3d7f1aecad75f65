// Regenerates src/vscode/settings.generated.ts from package.json `contributes.configuration`:
// `node scripts/update-settings.mjs` after adding or changing a setting there.
// test/unit/docs/settings.test.ts fails when the file is out of date.
import { readFileSync, writeFileSync } from 'fs';
import { pathToFileURL } from 'url';

const OUTPUT = new URL('../src/vscode/settings.generated.ts', import.meta.url);
const COMMENT_WIDTH = 110;
const LINE_WIDTH = 120;

/** Scopes whose value can differ per folder or document, so reading one needs the document or folder it is for. */
const RESOURCE_SCOPES = new Set(['resource', 'language-overridable']);

/** A value as TypeScript source, in the project's quotes. */
function literal(value) {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${literal(key)}: ${literal(item)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return String(value);
}

/** The TypeScript type of a value the JSON schema of a setting allows. */
function typeOf(schema) {
  if (schema.enum) return schema.enum.map(literal).join(' | ');
  return [schema.type]
    .flat()
    .map((type) => {
      switch (type) {
        case 'number':
        case 'integer':
          return 'number';
        case 'string':
        case 'boolean':
          return type;
        case 'object':
          return (
            'Readonly<Record<string, ' +
            (schema.additionalProperties ? typeOf(schema.additionalProperties) : 'unknown') +
            '>>'
          );
        case 'array':
          return `readonly (${schema.items ? typeOf(schema.items) : 'unknown'})[]`;
        default:
          throw new Error(
            `A setting of type ${JSON.stringify(type)} has no TypeScript type here: add one to ` +
              `scripts/update-settings.mjs.`,
          );
      }
    })
    .join(' | ');
}

function docComment(text, indent) {
  const words = text.replace(/\*\//g, '*\\/').split(/\s+/);
  const lines = [];
  for (const word of words) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + word.length + 1 <= COMMENT_WIDTH) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length === 1
    ? [`${indent}/** ${lines[0]} */`]
    : [`${indent}/**`, ...lines.map((line) => `${indent} * ${line}`), `${indent} */`];
}

function settingLine(name, schema, key, indent) {
  const kind = RESOURCE_SCOPES.has(schema.scope) ? 'ResourceSetting' : 'WindowSetting';
  const bounds = Object.fromEntries(
    ['minimum', 'maximum'].filter((bound) => schema[bound] !== undefined).map((bound) => [bound, schema[bound]]),
  );
  const args = [literal(name), literal(schema.default)];
  if (Object.keys(bounds).length > 0)
    args.push(
      `{ ${Object.entries(bounds)
        .map(([bound, value]) => `${bound}: ${value}`)
        .join(', ')} }`,
    );
  const oneLine = `${indent}${key}: new ${kind}<${typeOf(schema)}>(${args.join(', ')}),`;
  const split = [`${indent}${key}: new ${kind}<${typeOf(schema)}>(`, `${indent}  ${args.join(', ')},`, `${indent}),`];
  return [
    ...docComment(schema.description ?? schema.markdownDescription ?? name, indent),
    ...(oneLine.length <= LINE_WIDTH ? [oneLine] : split),
  ];
}

/** The settings as a tree of their dotted names after the section (`cost.precision` → `cost: { precision }`). */
function tree(properties, section) {
  const root = new Map();
  for (const [name, schema] of Object.entries(properties)) {
    if (!name.startsWith(`${section}.`)) throw new Error(`${name} is not in the ${section} section`);
    if (schema.default === undefined)
      throw new Error(`${name} has no default in package.json: every setting needs one`);
    const path = name.slice(section.length + 1).split('.');
    let node = root;
    for (const part of path.slice(0, -1)) {
      if (!node.has(part)) node.set(part, new Map());
      node = node.get(part);
      if (!(node instanceof Map)) throw new Error(`${name} is inside a setting`);
    }
    if (node.has(path.at(-1))) throw new Error(`${name} is both a setting and a group of settings`);
    node.set(path.at(-1), { name, schema });
  }
  return root;
}

function body(node, indent) {
  return [...node].flatMap(([key, child]) =>
    child instanceof Map
      ? [`${indent}${key}: {`, ...body(child, `${indent}  `), `${indent}},`]
      : settingLine(child.name, child.schema, key, indent),
  );
}

/** The text of src/vscode/settings.generated.ts for a package.json. */
export function settingsModule(manifest) {
  const { properties } = manifest.contributes.configuration;
  const sections = new Set(Object.keys(properties).map((name) => name.split('.')[0]));
  if (sections.size !== 1) throw new Error(`Settings in more than one section: ${[...sections].join(', ')}`);
  const [section] = sections;
  return [
    '// Generated by scripts/update-settings.mjs from package.json `contributes.configuration`: do not edit by hand;',
    '// change the setting in package.json and run `node scripts/update-settings.mjs`.',
    "import { ResourceSetting, WindowSetting } from './settings';",
    '',
    `/** The section all our settings are in (\`${section}.*\`). */`,
    `export const SECTION = ${literal(section)};`,
    '',
    '/** Every setting package.json declares, typed, with its default (a resource-scoped one is read for a ' +
      'document). */',
    'export const SETTINGS = {',
    ...body(tree(properties, section), '  '),
    '} as const;',
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(OUTPUT, settingsModule(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))));
  console.log('src/vscode/settings.generated.ts updated');
}
