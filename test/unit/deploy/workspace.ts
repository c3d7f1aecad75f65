import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { deployConfigOf, type DeployConfig } from '../../../src/core/deploy';
import { loadTemplateFile, readBoundedFile } from '../../../src/core/load';
import type { Template } from '../../../src/core/model/template';

/** A SAM application on disk, as a user would have it: template, samconfig.toml and handler code. */
export function samApp(files: Record<string, string>): { dir: string; write: (f: string, t: string) => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-deploy-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  for (const [file, text] of Object.entries(files)) write(file, text);
  return { dir, write };
}

export function loadForDeploy(file: string, flags = {}): { template: Template; config: DeployConfig } {
  const loaded = loadTemplateFile(file, { readFile: readBoundedFile });
  if (!loaded.ok) throw new Error(loaded.message);
  const config = deployConfigOf(loaded.inputs, flags, loaded.template.kind === 'sam');
  if (!config.ok) throw new Error(config.problems.join('\n'));
  return { template: loaded.template, config: config.config };
}

export { loadChildTemplate as loadChild } from '../../../src/core/deploy';
