// What a new project can be: the choices the wizard and `serverless-workbench init` offer, and the files each adds.

export type Framework = 'sam' | 'serverless';
export type Language = 'node' | 'typescript' | 'python';
export type StarterId = 'http-api' | 'sqs-worker' | 'scheduled' | 'workflow' | 's3-processor';

export interface Choice<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly detail: string;
}

export const FRAMEWORKS: readonly Choice<Framework>[] = [
  { id: 'sam', label: 'AWS SAM', detail: 'template.yaml and samconfig.toml, built and deployed with the SAM CLI' },
  {
    id: 'serverless',
    label: 'Serverless Framework',
    detail: 'serverless.yml with stage parameters, deployed with `serverless deploy`',
  },
];

/** A language, with what a project in it carries besides its handlers. */
export interface LanguageChoice extends Choice<Language> {
  readonly runtimeFamily: 'nodejs' | 'python';
  /** The handlers' file extension. */
  readonly extension: string;
  /** devDependencies of package.json beside the AWS SDK clients a starter needs (Node.js languages only). */
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly gitignore: readonly string[];
}

export const LANGUAGES: readonly LanguageChoice[] = [
  {
    id: 'node',
    label: 'Node.js (JavaScript)',
    detail: 'CommonJS handlers, tests with node:test',
    runtimeFamily: 'nodejs',
    extension: 'js',
    gitignore: ['node_modules/'],
  },
  {
    id: 'typescript',
    label: 'TypeScript (esbuild)',
    detail: 'bundled by esbuild at build time, tests with node:test',
    runtimeFamily: 'nodejs',
    extension: 'ts',
    devDependencies: {
      '@types/aws-lambda': '^8.10.0',
      '@types/node': '^22.0.0',
      esbuild: '^0.25.0',
      typescript: '^5.6.0',
    },
    gitignore: ['node_modules/', 'dist/'],
  },
  {
    id: 'python',
    label: 'Python',
    detail: 'boto3 imported on first use, tests with unittest',
    runtimeFamily: 'python',
    extension: 'py',
    gitignore: ['__pycache__/', '*.pyc', '.venv/'],
  },
];

/** One function of a starter: its name in each framework, its module in `src/` and the sample event it runs with. */
export interface StarterFunction {
  /** The SAM logical ID. */
  readonly logicalId: string;
  /** The key under serverless.yml `functions`. */
  readonly serverlessKey: string;
  /** `module.export`, the same in every language. */
  readonly handler: string;
  readonly event: string;
}

export interface StarterChoice extends Choice<StarterId> {
  readonly functions: readonly StarterFunction[];
  /** AWS SDK v3 clients the Node.js handlers use (Lambda's runtime has them; the tests need them installed). */
  readonly sdkPackages: readonly string[];
}

export const STARTERS: readonly StarterChoice[] = [
  {
    id: 'http-api',
    label: 'HTTP API with a DynamoDB table',
    detail: 'POST /items and GET /items/{id} on a pay-per-request table',
    functions: [
      { logicalId: 'ItemsFunction', serverlessKey: 'items', handler: 'items.handler', event: 'create-item.json' },
    ],
    sdkPackages: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  },
  {
    id: 'sqs-worker',
    label: 'SQS worker with a dead-letter queue',
    detail: 'a queue, its dead-letter queue and a worker that reports failed messages one by one',
    functions: [
      { logicalId: 'WorkerFunction', serverlessKey: 'worker', handler: 'worker.handler', event: 'messages.json' },
    ],
    sdkPackages: [],
  },
  {
    id: 'scheduled',
    label: 'Scheduled job',
    detail: 'a function EventBridge runs every hour',
    functions: [{ logicalId: 'JobFunction', serverlessKey: 'job', handler: 'job.handler', event: 'scheduled.json' }],
    sdkPackages: [],
  },
  {
    id: 'workflow',
    label: 'Step Functions workflow',
    detail: 'a state machine that validates an order, then prices it, with a function per step',
    functions: [
      {
        logicalId: 'ValidateOrderFunction',
        serverlessKey: 'validateOrder',
        handler: 'steps.validateOrder',
        event: 'order.json',
      },
      {
        logicalId: 'PriceOrderFunction',
        serverlessKey: 'priceOrder',
        handler: 'steps.priceOrder',
        event: 'validated-order.json',
      },
    ],
    sdkPackages: [],
  },
  {
    id: 's3-processor',
    label: 'S3 upload processor',
    detail: 'a bucket whose new objects under uploads/ run a function',
    functions: [
      {
        logicalId: 'UploadsFunction',
        serverlessKey: 'uploads',
        handler: 'uploads.handler',
        event: 'object-created.json',
      },
    ],
    sdkPackages: [],
  },
];

export function choiceById<Id extends string, C extends Choice<Id>>(choices: readonly C[], id: Id): C {
  const found = choices.find((c) => c.id === id);
  if (!found) throw new Error(`unknown choice ${id}`);
  return found;
}
