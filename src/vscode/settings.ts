import * as vscode from 'vscode';

/** The range package.json declares for a number setting: VS Code underlines a value outside it, yet returns it. */
export interface NumberBounds {
  readonly minimum?: number;
  readonly maximum?: number;
}

/** One of our settings (see `settings.generated.ts`): its full name, package.json's default and bounds. */
abstract class DeclaredSetting<T> {
  constructor(
    /** As users write it, e.g. `serverlessWorkbench.cost.precision`; what `affectsConfiguration` and `update` take. */
    readonly name: string,
    readonly defaultValue: T,
    readonly bounds: NumberBounds = {},
  ) {}

  protected read(scope: vscode.ConfigurationScope | undefined): T {
    return vscode.workspace.getConfiguration(undefined, scope).get<T>(this.name, this.defaultValue);
  }
}

/** A setting with one value for the whole window. */
export class WindowSetting<T> extends DeclaredSetting<T> {
  value(): T {
    return this.read(undefined);
  }
}

/** A setting a folder can set for its own templates: read for the document or folder it applies to. */
export class ResourceSetting<T> extends DeclaredSetting<T> {
  value(scope: vscode.ConfigurationScope | undefined): T {
    return this.read(scope);
  }
}

/** A number brought inside the bounds package.json declares for its setting. */
export function withinBounds(value: number, { minimum = -Infinity, maximum = Infinity }: NumberBounds): number {
  return Math.max(minimum, Math.min(maximum, value));
}
