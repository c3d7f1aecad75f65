import * as path from 'path';
import type { Finding, Rule, Severity, SourceFile } from '../core/rules';
import type { FileFindings } from './finding-places';
import { displayPath, position } from './finding-places';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** A path relative to the working directory with forward slashes, as SARIF's `%SRCROOT%` locations expect. */
function artifactUri(file: string): string {
  return path.relative(process.cwd(), path.resolve(file)).split(path.sep).map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0 as GitHub code scanning accepts it: one run, every rule with its help URI, 1-based regions. */
export function toSarif(results: readonly FileFindings[], rules: readonly Rule[]) {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'serverless-workbench',
            informationUri: rules[0]?.meta.docs.url.replace(/#.*$/, ''),
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: r.meta.docs.summary },
              fullDescription: { text: `${r.meta.docs.summary} ${r.meta.docs.why}` },
              helpUri: r.meta.docs.url,
              help: {
                text: `${r.meta.docs.why}\n\n${r.meta.docs.fact}\n\nFix: ${r.meta.docs.fix}`,
                markdown:
                  `${r.meta.docs.why}\n\n${r.meta.docs.fact}\n\n**Fix:** ${r.meta.docs.fix}\n\n` +
                  `[Documentation](${r.meta.docs.url})`,
              },
              defaultConfiguration: { level: LEVEL[r.meta.severity] },
            })),
          },
        },
        results: results.flatMap((r) =>
          r.findings.map((f) => {
            const location = (place: { span: Finding['span']; file?: SourceFile }) => {
              const at = position(r, place);
              const uri = artifactUri(displayPath(r, place.file));
              return {
                physicalLocation: {
                  artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
                  region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
                },
              };
            };
            return {
              ruleId: f.ruleId,
              ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
              level: LEVEL[f.severity],
              message: { text: f.message },
              locations: [location(f)],
              ...(f.related.length > 0
                ? {
                    relatedLocations: f.related.map((rel, id) => ({
                      id,
                      ...location(rel),
                      message: { text: rel.message },
                    })),
                  }
                : {}),
            };
          }),
        ),
      },
    ],
  };
}
