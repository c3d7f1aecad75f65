import type { Node } from '../model/nodes';
import { stringOf } from '../model/nodes';

const MAX = 60;

/** A one-line rendering of a value as a person writes it in YAML: `!Ref Table`, `!GetAtt Queue.Arn`, `[2 items]`. */
export function shortText(node: Node | undefined): string {
  if (!node) return '';
  return clip(render(node));
}

function render(node: Node): string {
  switch (node.kind) {
    case 'scalar':
      return node.value === null ? 'null' : String(node.value);
    case 'seq':
      return node.items.length <= 3 && node.items.every((i) => i.kind === 'scalar')
        ? `[${node.items.map(render).join(', ')}]`
        : `[${node.items.length} items]`;
    case 'map':
      return node.entries.length === 0
        ? '{}'
        : `{${node.entries
            .map((e) => e.key)
            .slice(0, 3)
            .join(', ')}${node.entries.length > 3 ? ', …' : ''}}`;
    case 'intrinsic': {
      const tag = node.name.startsWith('!') ? node.name : `!${node.name.replace(/^Fn::/, '')}`;
      const arg = node.argument;
      if (node.name === 'Fn::GetAtt' && arg.kind === 'seq')
        return `${tag} ${arg.items.map((i) => stringOf(i) ?? render(i)).join('.')}`;
      return `${tag} ${render(arg)}`;
    }
  }
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX ? `${oneLine.slice(0, MAX - 1)}…` : oneLine;
}
