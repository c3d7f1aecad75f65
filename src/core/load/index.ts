// The template loader: text or file → model with its inputs; what the CLI, the editor's store and invoke share.
export { loadTemplateFile, loadTemplateText, type LoadedFile, type LoadedTemplate, type LoaderOptions } from './loader';
export { gatherInputs, type GatheredInputs, type GivenInputs } from './inputs';
export { readBoundedFile } from './node-files';
export { parseParameterOverrides, type ParameterOverride } from './parameter-overrides';
export { readSamconfig, SAMCONFIG_NAMES, DEFAULT_CONFIG_ENV, type InputProblem, type Samconfig } from './samconfig';
export { parseSamconfigToml } from './samconfig-toml';
export { parseSamconfigYaml } from './samconfig-yaml';
