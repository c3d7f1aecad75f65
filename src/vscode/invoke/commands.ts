/** Command IDs of the invoke feature (package.json `contributes.commands`). */
export const INVOKE_COMMANDS = {
  local: 'serverlessWorkbench.invokeFunction',
  remote: 'serverlessWorkbench.invokeFunctionInAws',
  debug: 'serverlessWorkbench.debugFunction',
  history: 'serverlessWorkbench.invokeHistory',
  startEndpoint: 'serverlessWorkbench.startLocalEndpoint',
  stopEndpoint: 'serverlessWorkbench.stopLocalEndpoint',
  startLocalApi: 'serverlessWorkbench.startLocalApi',
  stopLocalApi: 'serverlessWorkbench.stopLocalApi',
  selectRegion: 'serverlessWorkbench.selectRegion',
  selectProfile: 'serverlessWorkbench.selectProfile',
  /** The result panel's column and entries, for tests. */
  resultPanelState: 'serverlessWorkbench.invoke.resultPanelState',
} as const;
