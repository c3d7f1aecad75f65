import { setting } from '../settings';

/** The invoke settings (package.json `serverlessWorkbench.invoke.*`). */
export const invokeSettings = {
  confirmRemote: () => setting('invoke.confirmRemote', true),
  profile: () => setting<string>('invoke.profile', ''),
  /** Deployed names by logical ID, for functions that cannot be found through the stack. */
  functionNames: () => setting<Record<string, string>>('invoke.functionNames', {}),
  endpointPort: () => setting('invoke.endpointPort', 3001),
  historySize: () => setting('invoke.historySize', 20),
};
