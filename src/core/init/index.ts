// Making a new project from the starters shipped with the extension: the wizard's and `serverless-workbench init`'s
// shared core.
export { FRAMEWORKS, LANGUAGES, STARTERS } from './choices';
export type { Choice, Framework, Language, LanguageChoice, StarterChoice, StarterFunction, StarterId } from './choices';
export { planProject, projectNameProblem, suggestProjectName, PROJECT_NAME_MAX } from './plan';
export type { PlannedFile, ProjectOptions, ProjectPlan, StarterSource } from './plan';
export { currentRuntime } from './runtime';
export { starterSourceOf } from './source';
