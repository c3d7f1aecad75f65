import * as path from 'path';
import { isUnreadable, type ReadFile } from '../model/file-read';
import { loadTemplate } from '../model/load';
import type { Template } from '../model/template';
import { gatherInputs, type GatheredInputs, type GivenInputs } from './inputs';

export interface LoaderOptions {
  /**
   * Reads a file by absolute path: `readBoundedFile` in the terminal and in invoke, open documents first
   * and then the same bounded read in the editor.
   */
  readonly readFile: ReadFile;
  readonly given?: GivenInputs;
  /**
   * Inputs gathered for this template before: the editor keeps them until samconfig or a setting changes, so a
   * keystroke does not read samconfig from disk again.
   */
  readonly inputs?: GatheredInputs;
  /** Serverless `${env:NAME}`: the shell's environment in a terminal, none in the editor. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The model of this document's previous version (the editor's keystrokes), re-read only where edited. */
  readonly previous?: Template;
}

export interface LoadedTemplate {
  /** Undefined when the text is not a template. */
  readonly template: Template | undefined;
  readonly inputs: GatheredInputs;
}

export type LoadedFile =
  | { readonly ok: true; readonly template: Template; readonly inputs: GatheredInputs }
  | { readonly ok: false; readonly message: string };

/**
 * The one way a template becomes a model outside the pure core: its inputs gathered (samconfig, what the
 * adapter was given) and its `${file()}` includes read relative to it through the given reader.
 */
export function loadTemplateText(text: string, fileName: string, options: LoaderOptions): LoadedTemplate {
  const inputs = options.inputs ?? gatherInputs(fileName, options.given ?? {}, options.readFile);
  const dir = path.dirname(path.resolve(fileName));
  const template = loadTemplate(text, fileName, {
    readFile: (relative) => options.readFile(path.resolve(dir, relative)),
    env: options.env,
    resolution: inputs.resolution,
    previous: options.previous,
  });
  return { template, inputs };
}

/** A template file from disk (or the editor's documents); what cannot be read or is no template is a message. */
export function loadTemplateFile(file: string, options: LoaderOptions): LoadedFile {
  const text = options.readFile(path.resolve(file));
  if (text === undefined) return { ok: false, message: `cannot read ${file}: ENOENT (no such file)` };
  if (isUnreadable(text)) return { ok: false, message: `cannot read ${file}: ${text.unreadable}` };
  const { template, inputs } = loadTemplateText(text, path.resolve(file), options);
  if (!template) return { ok: false, message: `${file} is not a SAM, CloudFormation or Serverless Framework template` };
  return { ok: true, template, inputs };
}
