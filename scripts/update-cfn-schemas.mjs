// Regenerates data/cfn-schemas/: every CloudFormation resource type's Properties as a validation schema
// (types, required, closed objects, enums, patterns, lengths, ranges), the contract in
// src/core/schema/validation/schema-node.ts. One file per service namespace (`AWS-Lambda.json` holds
// `AWS::Lambda::*` and the definitions they use), so validation reads only the services a template uses, and
// `namespaces.json` lists them (a namespace without a file is unknown to the data, not an error).
// Source: the npm package @awboost/cfn-resource-types (MIT, https://github.com/awboost/cfn-resource-schemas),
// whose lib/*.d.ts are generated from the CloudFormation registry schemas and keep their constraints as JSDoc
// tags; read here with the TypeScript compiler API. @aws-cdk/aws-service-spec (Apache-2.0, already behind
// data/cfn-resource-types.json) says which numbers are integers and names properties awboost lacks.
// scripts/schema-combinations.json adds the exclusive and one-of combinations the registry schemas lose,
// scripts/schema-enums.json the allowed values they leave open, scripts/schema-corrections.json the constraints
// AWS does not hold to (with the page that says so).
// Run: node scripts/update-cfn-schemas.mjs
import { readdirSync, readFileSync, rmSync } from 'fs';
import { createRequire } from 'module';
import path from 'path';
import ts from 'typescript';
import {
  applyCombinations,
  applyCorrections,
  applyEnums,
  CFN_SCHEMAS_FOLDER,
  cfnNamespace,
  writeValidationSchemas,
} from './validation-schema-common.mjs';

const require = createRequire(import.meta.url);
const lib = path.dirname(require.resolve('@awboost/cfn-resource-types/AWS-Lambda-Function'));
const { version } = JSON.parse(readFileSync(path.join(lib, '..', 'package.json'), 'utf8'));
const serviceSpec = JSON.parse(readFileSync(new URL('../data/cfn-resource-types.json', import.meta.url), 'utf8'));
const serviceSpecTypes = JSON.parse(
  readFileSync(new URL('../data/cfn-property-types.json', import.meta.url), 'utf8'),
).types;

const counts = { patterns: 0, patternsDropped: 0, enums: 0, constraintsOnRefs: 0, integers: 0, widenedEnums: 0 };
const droppedPatterns = [];

/**
 * The registry's patterns are ECMA-262 in name but written for Java and Python engines too. Rewrite the
 * spellings JavaScript reads differently; undefined when the pattern cannot mean the same thing without the
 * `u` flag (Unicode property classes would silently match a literal `p{L}`) or does not compile.
 */
function javascriptPattern(source) {
  const rewritten = source
    .replace(/\\Z/g, '$')
    .replace(/\\A/g, '^')
    .replace(/\(\?P</g, '(?<');
  if (/\\[pPX]\{|\\[hRz]|\(\?[imsx]|\[\[:|\+\+|\*\+|\?\+|\}\+/.test(rewritten)) return undefined;
  try {
    new RegExp(rewritten);
    return rewritten;
  } catch {
    return undefined;
  }
}

const tagText = (tag) => (ts.getTextOfJSDocComment(tag.comment) ?? '').trim().replace(/^`([\s\S]*)`$/, '$1');

/** The JSDoc constraints of one member, on the node its type became. */
function constrain(node, member) {
  const tags = ts.getJSDocTags(member);
  if (tags.length === 0) return node;
  const target = { ...node };
  // A string-or-object union (the registry's "JSON or JSON text") takes string constraints on its string branch.
  const stringBranch = target.anyOf?.findIndex((b) => b.type === 'string');
  for (const tag of tags) {
    const name = tag.tagName.text;
    const value = tagText(tag);
    if (!['pattern', 'minLength', 'maxLength', 'min', 'max'].includes(name)) continue;
    if (target.$ref) {
      counts.constraintsOnRefs++;
      continue;
    }
    const isArray = target.type === 'array';
    const holder =
      stringBranch >= 0 && name !== 'min' && name !== 'max'
        ? ((target.anyOf = [...target.anyOf]), (target.anyOf[stringBranch] = { ...target.anyOf[stringBranch] }))
        : target;
    if (name === 'pattern') {
      if (isArray) continue;
      const pattern = javascriptPattern(value);
      if (pattern === undefined) {
        counts.patternsDropped++;
        droppedPatterns.push(value);
        continue;
      }
      holder.pattern = pattern;
      counts.patterns++;
    } else if (name === 'min' || name === 'max') {
      target[name === 'min' ? 'minimum' : 'maximum'] = Number(value);
    } else {
      // awboost writes an array's minItems/maxItems as @minLength/@maxLength on the member.
      const key = isArray ? name.replace('Length', 'Items') : name;
      holder[key] = Number(value);
    }
  }
  return target;
}

/** Converts the type aliases of one resource's .d.ts file, recording object types as shared definitions. */
class ResourceConverter {
  constructor(resourceType, sourceFile, definitions) {
    this.resourceType = resourceType;
    this.definitions = definitions;
    this.aliases = new Map();
    for (const statement of sourceFile.statements) {
      if (ts.isTypeAliasDeclaration(statement)) this.aliases.set(statement.name.text, statement);
    }
  }

  definitionName(alias) {
    return `${this.resourceType}.${alias}`;
  }

  alias(name) {
    const declaration = this.aliases.get(name);
    if (!declaration) return {};
    const key = this.definitionName(name);
    if (!(key in this.definitions)) {
      // Object types become definitions (they can refer to themselves); enums and scalars are written in place.
      if (!this.isObjectType(declaration.type)) return this.convert(declaration.type);
      this.definitions[key] = {};
      this.definitions[key] = this.convert(declaration.type);
    }
    return { $ref: key };
  }

  isObjectType(type) {
    return ts.isTypeLiteralNode(type) || (ts.isTypeReferenceNode(type) && type.typeName.getText() === 'Record');
  }

  convert(type) {
    switch (type.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { type: 'string' };
      case ts.SyntaxKind.NumberKeyword:
        return { type: 'number' };
      case ts.SyntaxKind.BooleanKeyword:
        return { type: 'boolean' };
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
        return {};
      case ts.SyntaxKind.ParenthesizedType:
        return this.convert(type.type);
      case ts.SyntaxKind.ArrayType:
        return { type: 'array', items: this.convert(type.elementType) };
      case ts.SyntaxKind.LiteralType:
        return literal(type.literal);
      case ts.SyntaxKind.UnionType:
        return this.union(type.types);
      case ts.SyntaxKind.TypeLiteral:
        return this.object(type.members);
      case ts.SyntaxKind.TypeReference:
        return this.reference(type);
      default:
        throw new Error(`${this.resourceType}: unexpected type ${ts.SyntaxKind[type.kind]}: ${type.getText()}`);
    }
  }

  reference(type) {
    const name = type.typeName.getText();
    const args = type.typeArguments ?? [];
    if (name === 'Record') {
      const value = args[1];
      if (value.kind === ts.SyntaxKind.NeverKeyword) return { type: 'object', additionalProperties: false };
      const values = this.convert(value);
      return Object.keys(values).length === 0 ? { type: 'object' } : { type: 'object', additionalProperties: values };
    }
    if (name === 'Array') return { type: 'array', items: this.convert(args[0]) };
    return this.alias(name);
  }

  object(members) {
    const properties = {};
    const required = [];
    let additionalProperties = false;
    for (const member of members) {
      if (ts.isIndexSignatureDeclaration(member)) {
        additionalProperties = this.convert(member.type);
        continue;
      }
      const name = member.name.getText().replace(/^["']|["']$/g, '');
      properties[name] = constrain(this.convert(member.type), member);
      if (!member.questionToken) required.push(name);
    }
    return {
      type: 'object',
      ...(Object.keys(properties).length ? { properties } : {}),
      ...(required.length ? { required } : {}),
      ...(Object.keys(additionalProperties).length === 0 && additionalProperties !== false
        ? {}
        : { additionalProperties }),
    };
  }

  union(types) {
    const branches = types.map((t) => this.convert(t));
    if (branches.some((b) => Object.keys(b).length === 0)) return {};
    const enumValues = branches.every((b) => b.enum && Object.keys(b).length === 2)
      ? branches.flatMap((b) => b.enum)
      : undefined;
    if (enumValues && new Set(branches.map((b) => b.type)).size === 1) {
      counts.enums++;
      return { type: branches[0].type, enum: enumValues };
    }
    // Bare types (`Record<string, any> | string`) are one node with several types.
    if (branches.every((b) => Object.keys(b).length === 1 && typeof b.type === 'string'))
      return { type: [...new Set(branches.map((b) => b.type))] };
    return { anyOf: branches };
  }
}

function literal(node) {
  if (ts.isStringLiteral(node)) return { type: 'string', enum: [node.text] };
  if (ts.isNumericLiteral(node)) return { type: 'number', enum: [Number(node.text)] };
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { type: 'boolean', enum: [true] };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { type: 'boolean', enum: [false] };
  throw new Error(`unexpected literal ${node.getText()}`);
}

/**
 * The resource type and its Properties type, from `class X extends $Resource<"AWS::...", XProperties, XAttributes>`.
 */
function resourceClass(sourceFile) {
  for (const statement of sourceFile.statements) {
    if (!ts.isClassDeclaration(statement)) continue;
    const args = statement.heritageClauses?.[0]?.types[0]?.typeArguments;
    if (args?.length >= 2 && ts.isLiteralTypeNode(args[0])) return { type: args[0].literal.text, properties: args[1] };
  }
  return undefined;
}

// ---- aws-service-spec: integers, and what only it knows ----

/** Nested service-spec definitions reachable from a resource, by their short name. */
function serviceSpecDefinitions(resourceSpec) {
  const byName = new Map();
  const pending = Object.values(resourceSpec?.props ?? {})
    .map((p) => p.ref)
    .filter(Boolean);
  while (pending.length > 0) {
    const ref = pending.pop();
    const definition = serviceSpecTypes[ref];
    if (!definition || byName.has(definition.name)) continue;
    byName.set(definition.name, definition.props);
    for (const p of Object.values(definition.props)) if (p.ref) pending.push(p.ref);
  }
  return byName;
}

/**
 * awboost writes every number as `number`; the service spec says which are integers. Its registry snapshot is
 * newer too: values it allows that awboost's does not are added, never removed.
 */
function refineFromServiceSpec(objectNode, specProps) {
  for (const [name, node] of Object.entries(objectNode.properties ?? {})) {
    const spec = specProps?.[name];
    if (!spec) continue;
    for (const holder of [node, node.items, node.additionalProperties]) {
      if (!holder || typeof holder !== 'object') continue;
      if (holder.type === 'number' && /\bInteger\b/.test(spec.type)) {
        holder.type = 'integer';
        counts.integers++;
      }
      const newer = holder.enum && spec.values?.filter((v) => !holder.enum.includes(v));
      if (newer?.length) {
        holder.enum = [...holder.enum, ...newer];
        counts.widenedEnums++;
      }
    }
  }
}

const resources = {};
const definitions = {};
for (const file of readdirSync(lib)
  .filter((f) => f.endsWith('.d.ts'))
  .sort()) {
  const sourceFile = ts.createSourceFile(
    file,
    readFileSync(path.join(lib, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found = resourceClass(sourceFile);
  if (!found) continue;
  const converter = new ResourceConverter(found.type, sourceFile, definitions);
  const before = new Set(Object.keys(definitions));
  const propertiesAlias = converter.aliases.get(found.properties.getText());
  resources[found.type] = converter.convert(propertiesAlias?.type ?? found.properties);
  const spec = serviceSpec.resources[found.type];
  refineFromServiceSpec(resources[found.type], spec?.props);
  const specDefinitions = serviceSpecDefinitions(spec);
  for (const key of Object.keys(definitions).filter((k) => !before.has(k) && definitions[k])) {
    refineFromServiceSpec(definitions[key], specDefinitions.get(key.slice(found.type.length + 1)));
  }
}

// ---- cross-check with aws-service-spec (data/cfn-resource-types.json, used by completion) ----
const onlyAwboostTypes = Object.keys(resources).filter((t) => !serviceSpec.resources[t]);
const onlySpecTypes = Object.keys(serviceSpec.resources).filter((t) => !resources[t]);
const onlyAwboostProperties = [];
const onlySpecProperties = [];
const relaxedRequired = [];
for (const [type, spec] of Object.entries(serviceSpec.resources)) {
  if (!resources[type]) {
    // A type newer than awboost's registry snapshot: its property names and required ones, values unchecked.
    const required = Object.keys(spec.props).filter((name) => spec.props[name].required);
    const names = Object.keys(spec.props);
    resources[type] = {
      type: 'object',
      ...(names.length ? { properties: Object.fromEntries(names.map((name) => [name, {}])) } : {}),
      ...(required.length ? { required } : {}),
      additionalProperties: false,
    };
    continue;
  }
  const node = resources[type];
  // Required only where both snapshots agree: a newer schema that relaxed a requirement must not be contradicted
  // (AWS::CloudWatch::Alarm.ComparisonOperator), nor the registry's view of a legacy type (a nested Stack's StackName).
  const required = node.required?.filter((name) => spec.props[name]?.required);
  relaxedRequired.push(
    ...(node.required ?? []).filter((name) => !required.includes(name)).map((name) => `${type}.${name}`),
  );
  if (required?.length) node.required = required;
  else delete node.required;
  for (const name of Object.keys(spec.props)) {
    if (node.properties?.[name]) continue;
    onlySpecProperties.push(`${type}.${name}`);
    // Known to CloudFormation's documentation though not to the registry schema awboost read: never "unknown".
    if (node.additionalProperties === false) node.properties = { ...node.properties, [name]: {} };
  }
  for (const name of Object.keys(node.properties ?? {}))
    if (!spec.props[name]) onlyAwboostProperties.push(`${type}.${name}`);
}

const sorted = (record) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
const file = {
  source:
    `npm @awboost/cfn-resource-types@${version} (CloudFormation registry schemas; ` +
    `https://github.com/awboost/cfn-resource-schemas), integers and extra properties from npm ` +
    `@aws-cdk/aws-service-spec; regenerate: node scripts/update-cfn-schemas.mjs`,
  licence:
    'MIT (@awboost/cfn-resource-types; see data/cfn-schemas.NOTICE), Apache-2.0 (@aws-cdk/aws-service-spec; see ' +
    'data/LICENSE-Apache-2.0)',
  generated: new Date().toISOString().slice(0, 10),
  resources: sorted(resources),
  definitions: sorted(definitions),
};
const corrections = applyCorrections(file, 'cfn');
const combinations = applyCombinations(file, 'cfn');
const addedEnums = applyEnums(file, 'cfn');

/** The definitions a node reaches through `$ref`s and discriminator mappings, transitively. */
function referencedDefinitions(roots) {
  const found = new Set();
  const pending = [...roots];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node || typeof node !== 'object') continue;
    const refs = [node.$ref, ...Object.values(node.discriminator?.mapping ?? {})].filter(Boolean);
    for (const ref of refs) {
      if (found.has(ref)) continue;
      if (!file.definitions[ref]) throw new Error(`$ref ${ref} names no definition`);
      found.add(ref);
      pending.push(file.definitions[ref]);
    }
    pending.push(
      ...Object.values(node.properties ?? {}),
      ...Object.values(node.patternProperties ?? {}),
      node.items,
      node.additionalProperties,
      ...(node.anyOf ?? []),
      ...(node.oneOf ?? []),
    );
  }
  return found;
}

const byNamespace = new Map();
for (const type of Object.keys(file.resources)) {
  const namespace = cfnNamespace(type);
  if (!byNamespace.has(namespace)) byNamespace.set(namespace, []);
  byNamespace.get(namespace).push(type);
}
rmSync(new URL(`../data/${CFN_SCHEMAS_FOLDER}/`, import.meta.url), { recursive: true, force: true });
let size = 0;
const crossNamespace = [];
for (const [namespace, types] of byNamespace) {
  const used = [...referencedDefinitions(types.map((type) => file.resources[type]))].sort((a, b) => a.localeCompare(b));
  // Definitions are named `<Type>.<Name>`: one of another namespace is copied in, so that each file stands alone.
  crossNamespace.push(...used.filter((name) => cfnNamespace(name) !== namespace).map((name) => `${namespace}→${name}`));
  size += writeValidationSchemas(`${CFN_SCHEMAS_FOLDER}/${namespace}`, {
    source: file.source,
    licence: file.licence,
    generated: file.generated,
    resources: Object.fromEntries(types.map((type) => [type, file.resources[type]])),
    definitions: Object.fromEntries(used.map((name) => [name, file.definitions[name]])),
  });
}
writeValidationSchemas(`${CFN_SCHEMAS_FOLDER}/namespaces`, {
  source: file.source,
  generated: file.generated,
  namespaces: [...byNamespace.keys()],
});

console.log(
  `${Object.keys(resources).length} resource types, ${Object.keys(definitions).length} definitions → ` +
    `data/${CFN_SCHEMAS_FOLDER}/ (${byNamespace.size} namespaces, ${size} bytes); definitions used across ` +
    `namespaces (copied): ${crossNamespace.length} ${crossNamespace.join(' ')}`,
);
console.log(
  `${counts.patterns} patterns, ${counts.patternsDropped} dropped (not JavaScript without the u flag), ` +
    `${counts.enums} enums, ${counts.integers} integers from the service spec, ${corrections} corrections ` +
    `from schema-corrections.json, ${combinations} combinations, ${addedEnums} enums from ` +
    `schema-enums.json, ${counts.widenedEnums} enums widened by the service spec, ${counts.constraintsOnRefs} ` +
    `constraints on references ignored`,
);
console.log(`types only in awboost: ${onlyAwboostTypes.length} ${onlyAwboostTypes.join(' ')}`);
console.log(`types only in the service spec (property names only): ${onlySpecTypes.length} ${onlySpecTypes.join(' ')}`);
console.log(
  `top-level properties only in the service spec (added as anything): ` +
    `${onlySpecProperties.length} ${onlySpecProperties.join(' ')}`,
);
console.log(
  `required in awboost but not in the service spec (not required): ` +
    `${relaxedRequired.length} ${relaxedRequired.join(' ')}`,
);
console.log(
  `top-level properties only in awboost: ${onlyAwboostProperties.length} ` +
    `${onlyAwboostProperties.slice(0, 40).join(' ')}${onlyAwboostProperties.length > 40 ? ' …' : ''}`,
);
if (process.argv.includes('--dropped')) console.log(droppedPatterns.join('\n'));
