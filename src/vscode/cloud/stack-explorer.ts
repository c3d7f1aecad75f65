import * as vscode from 'vscode';
import { describeAwsProblem } from '../../core/aws/errors';
import type { Template } from '../../core/model/template';
import { iconOfType } from '../../core/outline/groups';
import type { OutlineNode } from '../../core/outline/outline';
import type { ExplorerItem, ExplorerProvider } from '../explorer';
import type { TemplateStore } from '../template-store';
import { loadedCloudCore, type CloudCore } from './core';
import type { DeployedState, StackEntry } from './deployed-state';

export const STACK_NODE_ID = 'deployed-stack';
export const OPEN_OUTPUT_COMMAND = 'serverlessWorkbench.cloud.openOutput';
/** The context value of the "Deployed stack" node, which its menus (refresh, console) name in package.json. */
const STACK_CONTEXT = 'deployedStack';

/**
 * The deployed side in the explorer: a "Deployed stack" node under each template, read when expanded, with the
 * stack's status and outputs (web addresses open in the browser), and each resource's status and physical ID in
 * its description once the stack is read; resources only the stack has (removed from the template since the last
 * deploy, or made by a macro) are listed there too, with what the next deploy does to them.
 */
export function registerStackExplorer(
  store: TemplateStore,
  state: DeployedState,
  explorer: ExplorerProvider,
): vscode.Disposable {
  const entryOf = (item: ExplorerItem): { core: CloudCore; entry: StackEntry } | undefined => {
    const core = loadedCloudCore();
    const entry = core && state.entry(item.uri, core);
    return core && entry ? { core, entry } : undefined;
  };
  return vscode.Disposable.from(
    explorer.contribute({
      onDidChange: state.onDidChange,
      children(item) {
        // A template that cannot be read shows its one error item and nothing of a stack it cannot name.
        const readable = !item.node.children.some((child) => child.kind === 'error');
        return item.node.kind === 'template' && readable ? [stackNode(entryOf(item), store.get(item.uri))] : [];
      },
      describe(item) {
        const known = entryOf(item);
        const resource = item.node.resource;
        if (!known || known.entry.state !== 'read' || !resource) return undefined;
        if (item.node.kind !== 'resource' && item.node.kind !== 'function') return undefined;
        return known.core.describeDeployment(known.core.deploymentOf(resource, known.entry.read));
      },
      decorate(item, treeItem) {
        if (item.node.id === STACK_NODE_ID) {
          treeItem.contextValue = STACK_CONTEXT;
          treeItem.iconPath = new vscode.ThemeIcon('cloud');
          treeItem.command = undefined;
        } else if (item.node.id.startsWith(`${STACK_NODE_ID}/`)) {
          const url = item.node.kind === 'output' ? item.node.description : undefined;
          treeItem.command = /^https?:\/\//.test(url ?? '')
            ? { command: OPEN_OUTPUT_COMMAND, title: 'Open', arguments: [url] }
            : undefined;
        }
      },
      expanded(item) {
        if (item.node.id === STACK_NODE_ID && !entryOf(item)) void state.refresh(item.uri);
      },
    }),
    vscode.commands.registerCommand(OPEN_OUTPUT_COMMAND, (url: string) =>
      vscode.env.openExternal(vscode.Uri.parse(url)),
    ),
  );
}

const leaf = (id: string, label: string, extra: Partial<OutlineNode> = {}): OutlineNode => ({
  id: `${STACK_NODE_ID}/${id}`,
  kind: 'section',
  icon: 'folder',
  label,
  children: [],
  ...extra,
});

/** The "Deployed stack" node: collapsed until the user opens it, which reads the stack. */
function stackNode(
  known: { core: CloudCore; entry: StackEntry } | undefined,
  template: Template | undefined,
): OutlineNode {
  const base = { id: STACK_NODE_ID, kind: 'section' as const, icon: 'folder' as const, label: 'Deployed stack' };
  if (!known) return { ...base, description: 'expand to read', children: [leaf('reading', 'Reading…')] };
  const { core, entry } = known;
  const context = entry.context;
  const name = 'value' in context.stack ? context.stack.value : '';
  const where = `${name} · ${context.target.region}`;
  const credentials = context.target.profile
    ? `profile ${context.target.profile} (${context.profileOrigin})`
    : context.profileOrigin;
  const tooltip =
    `Stack ${name} (${'origin' in context.stack ? context.stack.origin : ''}) in ${context.target.region} ` +
    `(${context.regionOrigin}); credentials: ${credentials}.`;
  if (entry.state === 'unnamed') {
    const why = leaf('unnamed', entry.missing, { tooltip: entry.missing });
    return { ...base, description: 'no stack name', tooltip: entry.missing, children: [why] };
  }
  if (entry.state === 'reading')
    return { ...base, description: `${where} · reading…`, tooltip, children: [leaf('reading', 'Reading…')] };
  if (entry.state === 'failed') {
    const problem = leaf('problem', entry.problem.message, {
      kind: 'error',
      icon: 'error',
      tooltip: describeAwsProblem(entry.problem),
    });
    return { ...base, description: `${where} · could not be read`, tooltip, children: [problem] };
  }
  if (!entry.read.exists) {
    return {
      ...base,
      description: `${where} · not deployed yet`,
      tooltip,
      children: [leaf('missing', `No stack ${name} in ${context.target.region}: nothing is deployed yet.`)],
    };
  }
  const stack = entry.read.stack;
  const children: OutlineNode[] = [];
  const note = [stack.state.note, stack.reason].filter(Boolean).join('; ');
  children.push(
    leaf('status', stack.status, {
      description: note || undefined,
      tooltip: note || stack.status,
      ...(stack.state.state === 'failed' ? { kind: 'error', icon: 'error' } : {}),
    }),
  );
  for (const output of stack.outputs) {
    children.push(
      leaf(`output/${output.key}`, output.key, {
        kind: 'output',
        icon: 'output',
        description: output.value,
        tooltip: [output.description, output.value, output.exportName && `Export: ${output.exportName}`]
          .filter(Boolean)
          .join('\n'),
      }),
    );
  }
  for (const only of template ? core.resourcesOnlyInStack(template, stack) : []) {
    const { logicalId, type, physicalId, status, reason } = only.deployed;
    children.push(
      leaf(`only/${logicalId}`, logicalId, {
        icon: iconOfType(type),
        description: core.describeStackOnly(only),
        tooltip: [`${type} ${physicalId ?? ''}`.trim(), `${status}${reason ? `: ${reason}` : ''}`].join('\n'),
      }),
    );
  }
  return {
    ...base,
    description: `${where} · ${core.DEPLOY_STATE_LABEL[stack.state.state]}`,
    tooltip,
    children,
  };
}
