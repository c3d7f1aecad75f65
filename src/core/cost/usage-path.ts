/**
 * Where the editor looks for the usage file, relative to the workspace folder. A module of its own: the editor
 * watches this path from activation, while the rest of the cost code loads on the first estimate.
 */
export const USAGE_FILE_PATH = '.serverless-workbench/usage.yml';
