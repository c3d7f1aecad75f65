import type { Template } from '../model/template';
import type { NavigationTarget } from './location';
import { symbolIndex } from './symbol-index';

/**
 * The outputs whose `Export.Name` an `Fn::ImportValue` names, in any template. A `${...}` in an export
 * name (usually `${AWS::StackName}`) matches any text, because the stack name is only known at deploy.
 */
export function exportTargets(importKey: string, templates: readonly Template[]): NavigationTarget[] {
  const targets: NavigationTarget[] = [];
  for (const template of templates) {
    for (const exported of symbolIndex(template).defined('export')) {
      if (exportMatches(exported.name, importKey)) targets.push({ fileName: template.fileName, span: exported.span });
    }
  }
  return targets;
}

export function exportMatches(exportKey: string, importKey: string): boolean {
  if (exportKey === importKey) return true;
  if (!exportKey.includes('${')) return false;
  const pattern = exportKey
    .split(/\$\{[^}]*\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${pattern}$`).test(importKey);
}
