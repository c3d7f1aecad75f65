import type { ParseProblem } from '../parse-result';
import type { TemplateBase } from '../cloudformation';
import type { LoadOptions } from '../load';
import type { Template } from '../template';
import { indexById } from '../cloudformation';

/** Builds the model of a Serverless Framework service (serverless.yml). */
export function buildServerless(base: TemplateBase, problems: readonly ParseProblem[], options: LoadOptions): Template {
  void options;
  return {
    ...base, problems: [...problems], resources: [], resourceById: indexById([]), parameters: [], conditions: [],
    mappings: [], outputs: [], globals: undefined, functions: [],
  };
}
