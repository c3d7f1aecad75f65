/** The deploy commands' ids (package.json `contributes.commands`), apart so sync can offer Deploy without a cycle. */
export const DEPLOY_COMMANDS = {
  deploy: 'serverlessWorkbench.deploy',
  syncCode: 'serverlessWorkbench.syncCode',
} as const;
