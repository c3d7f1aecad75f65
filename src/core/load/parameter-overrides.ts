export interface ParameterOverride {
  readonly name: string;
  readonly value: string;
}

export interface ParsedOverrides {
  readonly overrides: readonly ParameterOverride[];
  /** Pieces that are not `Name=Value`, in words. */
  readonly problems: readonly string[];
}

/**
 * `Name=Value` or CloudFormation's `ParameterKey=Name,ParameterValue=Value`, the value bare, "double" or 'single'
 * quoted.
 */
const PAIR = /^\s*(?:ParameterKey=([A-Za-z0-9]+),ParameterValue=|([A-Za-z0-9]+)=)("(?:\\.|[^"\\])*"|'[^']*'|[^\s"']*)/;

/**
 * SAM CLI's `--parameter-overrides` and samconfig's `parameter_overrides` as one string, space separated:
 * `A=1 B="x y" C='z'` (SAM CLI's CfnParameterOverridesType reads both pair forms and quoted values). A list
 * (samconfig arrays, YAML sequences) holds one `Name=Value` per item, its value everything after the `=`.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-cli-command-reference-sam-deploy.html
 */
export function parseParameterOverrides(given: string | readonly string[]): ParsedOverrides {
  const overrides: ParameterOverride[] = [];
  const problems: string[] = [];
  if (typeof given !== 'string') {
    for (const item of given) {
      const eq = item.indexOf('=');
      if (eq <= 0) problems.push(`"${item}" is not Name=Value`);
      else overrides.push({ name: item.slice(0, eq).trim(), value: unquote(item.slice(eq + 1).trim()) });
    }
    return { overrides, problems };
  }
  let rest = given;
  while (rest.trim()) {
    const match = PAIR.exec(rest);
    if (!match) {
      const piece = rest.trim().split(/\s+/)[0];
      problems.push(`"${piece}" is not Name=Value`);
      rest = rest.trim().slice(piece.length);
      continue;
    }
    overrides.push({ name: match[1] ?? match[2], value: unquote(match[3]) });
    rest = rest.slice(match[0].length);
  }
  return { overrides, problems };
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
    return value.slice(1, -1).replace(/\\(.)/g, '$1');
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  return value;
}
