import * as path from 'path';
import { PACKAGE_LIMITS, codeDirOf, isArchive, layerDirsOf, startedByWrapper } from '../code/targets';
import { handlerLanguage } from '../code/handler';
import { defineRule } from './define';
import { about } from './function-settings';

export const lambdaHandlerMissing = defineRule({
  id: 'lambda-handler-missing',
  meta: {
    severity: 'warning',
    docs: {
      summary:
        "A Node.js or Python function's handler names a file or an exported function that is not in its code folder.",
      why:
        'The deploy succeeds, then every invocation fails with Runtime.ImportModuleError or "handler is ' +
        'undefined or not exported".',
      fact:
        'Lambda loads `<file>.<export>` from the root of the package: Node.js resolves .js/.mjs/.cjs, Python a ' +
        'module path (Lambda developer guide, "Define Lambda function handler in Node.js / Python"). The check ' +
        'reads the code folder off the UI path and caches what it found; .ts sources count for esbuild builds. A ' +
        '`CodeUri` that is a .zip or .jar is the package as it is (its content is not checked); any other single ' +
        "file is zipped alone by `sam package`, so it must be the handler's file. Functions started by a " +
        'wrapper (`AWS_LAMBDA_EXEC_WRAPPER`, the Lambda Web Adapter layer, whose handler is a script such as ' +
        '`run.sh`) are not checked.',
      example: 'CodeUri: src/orders/\nHandler: app.handlr   # app.js exports handler',
      fix: 'Correct the handler (file path relative to CodeUri, then the export name), or create the file or export.',
    },
  },
  messages: {
    folder: "{{subject}}: the code folder '{{dir}}' does not exist.{{where}}",
    archive: "{{subject}}: the code archive '{{dir}}' does not exist.{{where}}",
    otherFile:
      "{{subject}}: the code is the single file '{{dir}}', the only file in the package, but handler " +
      "'{{handler}}' needs one of {{candidates}}.{{where}}",
    file: "{{subject}}: handler '{{handler}}' needs one of {{candidates}} in '{{dir}}', and none exists.{{where}}",
    export: "{{subject}}: '{{file}}' does not export '{{export}}' (handler '{{handler}}').{{where}}",
  },
  check(context) {
    const { template, inputs } = context;
    if (!inputs.code) return;
    for (const fn of template.functions) {
      const dir = codeDirOf(template, fn);
      const handler = fn.handler;
      const runtime = fn.runtime?.value;
      if (
        !dir ||
        !handler?.value ||
        !runtime ||
        !handlerLanguage(runtime) ||
        handler.value.includes('${') ||
        startedByWrapper(fn)
      )
        continue;
      const fact = inputs.code.handler(dir, handler.value, runtime);
      if (!fact || fact.status === 'found') continue;
      const shown = path.relative(path.dirname(template.fileName), dir) || '.';
      const base = { handler: handler.value, dir: shown };
      const at = { about: about(fn, handler), logicalId: fn.logicalId };
      if (fact.status === 'folder-missing') {
        context.report({
          messageId: isArchive(dir) ? 'archive' : 'folder',
          data: base,
          span: fn.codeUri?.span ?? handler.span,
          ...at,
        });
      } else if (fact.status === 'file-missing' || fact.status === 'other-file') {
        const messageId = fact.status === 'file-missing' ? 'file' : 'otherFile';
        context.report({
          messageId,
          data: { ...base, candidates: fact.candidates.join(', ') },
          span: handler.span,
          ...at,
        });
      } else {
        context.report({
          messageId: 'export',
          data: { ...base, file: fact.file, export: fact.exportName },
          span: handler.span,
          ...at,
        });
      }
    }
  },
});

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

export const lambdaPackageSize = defineRule({
  id: 'lambda-package-size',
  meta: {
    severity: 'error',
    docs: {
      summary:
        "A function's code folder plus its layers is over (error) or within 80% of (warning) Lambda's 250 MB " +
        'unzipped limit, or its zipped package is over 50 MB (the direct-upload limit).',
      why:
        'Over 250 MB unzipped the deploy fails; near it, the next dependency added breaks it. Over 50 MB zipped, ' +
        'uploads through the API fail (SAM and the Serverless Framework upload through S3, which avoids that limit).',
      fact:
        'Deployment package: 50 MB zipped for direct upload; 250 MB unzipped including layers (Lambda developer ' +
        'guide, "Lambda quotas", "Deployment package (.zip)"). Measured on disk off the UI path; build output ' +
        '(node_modules, vendored packages) counts.',
      example: 'CodeUri: ./   # a folder with 300 MB of node_modules',
      fix:
        'Exclude development dependencies and test data from the package, bundle with esbuild, move large ' +
        'dependencies into a container image (10 GB).',
    },
  },
  messages: {
    unzipped:
      "{{subject}}: the code in '{{dir}}'{{layers}} is {{size}} MB unzipped; Lambda allows {{limit}} MB{{truncated}}.",
    nearUnzipped:
      "{{subject}}: the code in '{{dir}}'{{layers}} is {{size}} MB unzipped, {{percent}}% of Lambda's {{limit}} " +
      'MB limit.',
    zipped:
      "{{subject}}: the code in '{{dir}}' zips to about {{size}} MB; direct uploads allow {{limit}} MB (deploys " +
      'through S3, as SAM and the Serverless Framework do, are not affected).',
  },
  check(context) {
    const { template, inputs } = context;
    if (!inputs.code) return;
    for (const fn of template.functions) {
      const dir = codeDirOf(template, fn);
      const own = dir && inputs.code.packageSize(dir);
      if (!dir || !own) continue;
      const layers = layerDirsOf(template, fn)
        .map((d) => inputs.code!.packageSize(d))
        .filter((s) => s !== undefined);
      const unzipped = own.unzippedBytes + layers.reduce((sum, l) => sum + l.unzippedBytes, 0);
      const data = {
        dir: path.relative(path.dirname(template.fileName), dir) || '.',
        layers: layers.length > 0 ? ` with ${layers.length} layer${layers.length > 1 ? 's' : ''}` : '',
        size: megabytes(unzipped),
        limit: megabytes(PACKAGE_LIMITS.unzippedBytes),
        truncated: own.truncated ? ' (measuring stopped there)' : '',
        percent: Math.round((unzipped / PACKAGE_LIMITS.unzippedBytes) * 100),
      };
      const at = {
        span: fn.codeUri?.span ?? fn.resource.idSpan,
        about: about(fn, fn.codeUri ?? { source: 'resource' }),
        logicalId: fn.logicalId,
      };
      if (unzipped > PACKAGE_LIMITS.unzippedBytes) {
        context.report({ messageId: 'unzipped', data, ...at });
      } else if (unzipped >= PACKAGE_LIMITS.unzippedBytes * PACKAGE_LIMITS.warnRatio) {
        context.report({ messageId: 'nearUnzipped', data, ...at, severity: 'warning' });
      }
      if (own.zippedBytes !== undefined && own.zippedBytes > PACKAGE_LIMITS.zippedBytes) {
        context.report({
          messageId: 'zipped',
          data: { ...data, size: megabytes(own.zippedBytes), limit: megabytes(PACKAGE_LIMITS.zippedBytes) },
          ...at,
          severity: 'warning',
        });
      }
    }
  },
});
