'use strict';
// Serverless Workbench's Node.js runtime client: what Lambda's runtime interface client does inside an
// execution environment, in one dependency-free file. It loads `_HANDLER` from the module root given as
// argv[2] (LAMBDA_TASK_ROOT unless the handler was compiled from TypeScript), then loops on the Runtime API
// at AWS_LAMBDA_RUNTIME_API. Errors are reported in the shapes and with the types Lambda uses.
const http = require('http');
const fs = require('fs');
const path = require('path');
const util = require('util');
const { pathToFileURL } = require('url');
const { Worker } = require('worker_threads');

const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(':');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const moduleRoot = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : process.env.LAMBDA_TASK_ROOT || process.cwd();
const waitForDebugger = process.argv.includes('--wait-for-debugger');
const handlerString = process.env._HANDLER || '';

let currentRequestId;

guardAgainstOrphaning();
patchConsole();
// Debugging: pause here, after the orphan guard is running (with --inspect-brk it never would be), until the
// editor's debugger attaches and has set its breakpoints.
if (waitForDebugger) require('inspector').waitForDebugger();

function guardAgainstOrphaning() {
  // If the editor or CLI that started us dies, nobody will ever kill us: a thread that keeps running while a
  // handler spins in a synchronous loop notices the new parent and ends the whole process group. The parent
  // names itself (--parent-pid), because under load it may already be gone before this line runs.
  const named = /^--parent-pid=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--parent-pid=')) || '');
  const parent = named ? Number(named[1]) : process.ppid;
  const source = `
    const check = () => {
      if (process.ppid !== ${parent}) {
        try { process.kill(-${process.pid}, 'SIGKILL'); } catch { process.kill(${process.pid}, 'SIGKILL'); }
      }
    };
    check();
    setInterval(check, 250);`;
  try {
    new Worker(source, { eval: true, stdout: false, stderr: false }).unref();
  } catch {
    // Workers unavailable: the parent's exit hook and timeouts still end us.
  }
}

function patchConsole() {
  // Lambda prefixes each console line with time, request ID and level.
  const write = (stream, level) => (...args) => {
    stream.write(`${new Date().toISOString()}\t${currentRequestId ?? 'undefined'}\t${level}\t${util.format(...args)}\n`);
  };
  console.log = write(process.stdout, 'INFO');
  console.info = write(process.stdout, 'INFO');
  console.debug = write(process.stdout, 'DEBUG');
  console.warn = write(process.stderr, 'WARN');
  console.error = write(process.stderr, 'ERROR');
  console.trace = write(process.stderr, 'TRACE');
  // Node's process warnings (the AWS SDK's notice about the Node.js version, deprecations) are warnings: with
  // --no-warnings Node prints none itself, and they are logged here once each as WARN lines.
  process.on('warning', (warning) => console.warn(`(node:${process.pid}) ${warning.name}: ${warning.message}`));
}

function request(method, pathname, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method, path: pathname, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function errorBody(error) {
  if (error instanceof Error) {
    return { errorType: error.name || 'Error', errorMessage: error.message, trace: String(error.stack || '').split('\n') };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

class RuntimeError extends Error {
  constructor(name, message) {
    super(message);
    this.name = name;
  }
}

async function postError(pathname, error) {
  const body = errorBody(error);
  console.error(`${pathname.endsWith('init/error') ? 'Uncaught Exception' : 'Invoke Error'} \t${JSON.stringify(body)}`);
  await request('POST', pathname, JSON.stringify(body), {
    'Content-Type': 'application/json',
    'Lambda-Runtime-Function-Error-Type': body.errorType,
  });
}

function isEsm(file) {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try { return JSON.parse(fs.readFileSync(pkg, 'utf8')).type === 'module'; } catch { return false; }
    }
    if (path.dirname(dir) === dir) return false;
  }
}

/**
 * ES module imports ignore NODE_PATH; a resolve hook gives them its fallback (the runtime's SDK among it). On a
 * Node.js without module.register (before 18.19 and 20.6) they stay as they are.
 */
function lookInNodePathFromEsm() {
  const nodePath = (process.env.NODE_PATH || '').split(path.delimiter).filter(Boolean);
  const { register } = require('module');
  if (nodePath.length === 0 || typeof register !== 'function') return;
  register(pathToFileURL(path.join(__dirname, 'node-path-hook.mjs')).href, { data: { nodePath } });
}

async function loadModule(dir, moduleName) {
  const base = path.resolve(moduleRoot, dir, moduleName);
  const file = ['.js', '.mjs', '.cjs'].map((ext) => base + ext).find((f) => fs.existsSync(f));
  try {
    if (file && isEsm(file)) {
      lookInNodePathFromEsm();
      return await import(pathToFileURL(file).href);
    }
    if (file) return require(file);
    return require(require.resolve(moduleName, { paths: [path.resolve(moduleRoot, dir)] }));
  } catch (error) {
    if (error instanceof SyntaxError) throw new RuntimeError('Runtime.UserCodeSyntaxError', `${error.name}: ${error.message}`);
    if (!file && error && error.code === 'MODULE_NOT_FOUND') {
      throw new RuntimeError('Runtime.ImportModuleError', `Error: Cannot find module '${moduleName}'`);
    }
    if (error && (error.code === 'MODULE_NOT_FOUND' || error.code === 'ERR_MODULE_NOT_FOUND')) {
      throw new RuntimeError('Runtime.ImportModuleError', `Error: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
}

async function loadHandler() {
  const dir = path.dirname(handlerString);
  const match = /^([^.]*)\.(.*)$/.exec(path.basename(handlerString));
  if (!match) throw new RuntimeError('Runtime.MalformedHandlerName', `Bad handler ${handlerString}`);
  const [, moduleName, exportPath] = match;
  const mod = await loadModule(dir, moduleName);
  let fn = exportPath.split('.').reduce((value, key) => (value == null ? undefined : value[key]), mod);
  // An ES module's default export of a CommonJS module carries the exports.
  if (fn === undefined && mod && mod.default) fn = exportPath.split('.').reduce((v, k) => (v == null ? undefined : v[k]), mod.default);
  if (fn === undefined) throw new RuntimeError('Runtime.HandlerNotFound', `${path.basename(handlerString)} is undefined or not exported`);
  if (typeof fn !== 'function') throw new RuntimeError('Runtime.HandlerNotFound', `${path.basename(handlerString)} is not a function`);
  return fn;
}

function makeContext(headers, finish) {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  const env = process.env;
  const parse = (v) => (v ? JSON.parse(v) : undefined);
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: parse(headers['lambda-runtime-cognito-identity']),
    clientContext: parse(headers['lambda-runtime-client-context']),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    // The legacy completion methods some older handlers still call.
    done: (error, result) => finish(error, result),
    succeed: (result) => finish(null, result),
    // Lambda's runtime interface client fails with the string 'handled' when given nothing.
    fail: (error) => finish(error == null ? 'handled' : error, undefined),
  };
}

/**
 * Runs one handler call to its single outcome, whether it answers by promise, callback or context. As in
 * Lambda, callback answers wait for an empty event loop (unless `callbackWaitsForEmptyEventLoop` is false),
 * and a plain function that returns without calling back answers null once the loop is empty.
 */
function runHandler(handler, event, headers) {
  return new Promise((resolve) => {
    let outcome;
    let promised = false;
    const onEmptyLoop = () => {
      process.removeListener('beforeExit', onEmptyLoop);
      // A promise that can no longer settle: Lambda's runtime exits, and the invocation fails with
      // Runtime.NodeJsExit (the Invoke API's caller sees it; the environment is recycled).
      if (!outcome && promised) process.exit(0);
      resolve(outcome ?? { result: null });
    };
    const finish = (error, result, waitForEmptyLoop) => {
      if (outcome) return;
      outcome = error != null ? { error } : { result };
      if (!waitForEmptyLoop) onEmptyLoop();
    };
    const context = makeContext(headers, (error, result) => finish(error, result, false));
    const callback = (error, result) => finish(error, result, context.callbackWaitsForEmptyEventLoop);
    process.on('beforeExit', onEmptyLoop);
    try {
      const returned = handler(event, context, callback);
      if (returned && typeof returned.then === 'function') {
        promised = true;
        // As Lambda's client: a rejection is `context.fail(reason)`, so rejecting with nothing fails 'handled'.
        returned.then((r) => finish(null, r, false), (e) => context.fail(e));
      }
    } catch (error) {
      finish(error, undefined, false);
    }
  });
}

async function loop(handler) {
  for (;;) {
    const next = await request('GET', '/2018-06-01/runtime/invocation/next');
    const requestId = next.headers['lambda-runtime-aws-request-id'];
    currentRequestId = requestId;
    process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'] || '';
    const event = JSON.parse(next.body.toString('utf8') || 'null');
    const outcome = await runHandler(handler, event, next.headers);
    const base = `/2018-06-01/runtime/invocation/${requestId}`;
    if ('error' in outcome) await postError(`${base}/error`, outcome.error);
    else await request('POST', `${base}/response`, JSON.stringify(outcome.result === undefined ? null : outcome.result), { 'Content-Type': 'application/json' });
    currentRequestId = undefined;
  }
}

function reportCrash(errorType) {
  return (error) => {
    const requestId = currentRequestId;
    const fail = errorType ? new RuntimeError(errorType, String(error && error.message ? error.message : error)) : error;
    const target = requestId ? `/2018-06-01/runtime/invocation/${requestId}/error` : '/2018-06-01/runtime/init/error';
    postError(target, fail).finally(() => process.exit(129));
  };
}

process.on('uncaughtException', reportCrash(undefined));
process.on('unhandledRejection', reportCrash('Runtime.UnhandledPromiseRejection'));

(async () => {
  let handler;
  try {
    handler = await loadHandler();
  } catch (error) {
    await postError('/2018-06-01/runtime/init/error', error).catch(() => {});
    process.exit(129);
  }
  await loop(handler);
})().catch(() => process.exit(1)); // The Runtime API is gone: our parent stopped, so do we.
