/** The deploy commands' ids (package.json `contributes.commands`), apart so sync can offer Deploy without a cycle. */
export const DEPLOY_COMMANDS = {
  deploy: 'serverlessWorkbench.deploy',
  syncCode: 'serverlessWorkbench.syncCode',
  /** The last change set review as its page laid it out (hidden from the palette: for tests and scripts). */
  reviewState: 'serverlessWorkbench.deploy.reviewState',
} as const;
