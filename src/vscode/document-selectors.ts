import type * as vscode from 'vscode';

/**
 * Where templates can live: files on disk, new unsaved documents (the welcome page's starter template, a pasted
 * one) and a remote host's files. The template store models exactly these (`template-store.ts`), so every
 * feature that reads its models serves the same documents; each provider still returns nothing for non-templates.
 */
export const TEMPLATE_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-remote'];

/** Templates by language, plus CloudFormation's `.template` extension, which editors often open as plain text. */
export const TEMPLATE_SELECTOR: readonly vscode.DocumentFilter[] = TEMPLATE_SCHEMES.flatMap((scheme) => [
  ...['yaml', 'json', 'jsonc'].map((language) => ({ language, scheme })),
  { pattern: '**/*.template', scheme },
]);

/**
 * Handler source files the code-side features read beside a template (which functions use a handler, invoke
 * from the handler). Only files on disk: a handler is found, and run, by its path relative to the template.
 */
export const HANDLER_SOURCE_SELECTOR: readonly vscode.DocumentFilter[] = [
  'javascript',
  'typescript',
  'javascriptreact',
  'typescriptreact',
  'python',
].map((language) => ({ language, scheme: 'file' }));
