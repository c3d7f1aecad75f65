// Shared by the update-*-resource-types scripts: how documentation and types are shortened for the index.

const MAX_DOC = 400;

/** The first paragraph of a documentation text, cut at a sentence end near MAX_DOC characters. */
export function shortDoc(text) {
  if (!text) return '';
  const paragraph = String(text)
    .split(/\n\s*\n/)[0]
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  if (paragraph.length <= MAX_DOC) return paragraph;
  const cut = paragraph.lastIndexOf('. ', MAX_DOC);
  return cut > 80 ? paragraph.slice(0, cut + 1) : `${paragraph.slice(0, MAX_DOC)}…`;
}

/** The first sentence, for property documentation where a line is enough in a completion list. */
export function firstSentence(text, max = 200) {
  const paragraph = shortDoc(text);
  const sentence = /^(.+?[.!?])(\s|$)/.exec(paragraph)?.[1] ?? paragraph;
  return sentence.length <= max ? sentence : `${sentence.slice(0, max)}…`;
}

/**
 * A service-spec type as text ("String", "List of Tag", "Map of String"), the nested definition it
 * points at (for properties of properties) and its allowed values.
 */
export function compactType(type, resolveRef) {
  switch (type?.type) {
    case 'string':
      return { text: 'String', values: type.allowedValues };
    case 'integer':
      return { text: 'Integer' };
    case 'number':
      return { text: 'Number' };
    case 'boolean':
      return { text: 'Boolean' };
    case 'json':
      return { text: 'Json' };
    case 'date-time':
      return { text: 'Timestamp' };
    case 'array':
    case 'map': {
      const element = compactType(type.element, resolveRef);
      return { ...element, text: `${type.type === 'array' ? 'List' : 'Map'} of ${element.text}` };
    }
    case 'ref': {
      const resolved = resolveRef(type.reference.$ref);
      return typeof resolved === 'string' ? { text: resolved } : { text: resolved.name, ref: resolved.ref };
    }
    case 'union': {
      // Keep the structured member's definition so that its properties can still be completed.
      const members = type.types.map((t) => compactType(t, resolveRef));
      return { ...members.find((m) => m.ref), text: members.map((m) => m.text).join(' | ') };
    }
    default:
      return { text: 'Json' };
  }
}
