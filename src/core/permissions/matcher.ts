import type { ResourcePattern, Statement } from './types';

const globCache = new Map<string, RegExp>();

/** IAM's wildcard match: `*` any run of characters, `?` one character. Actions compare case-insensitively. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?'))
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = globCache.get(key);
  if (!re) {
    const body = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    globCache.set(key, re);
  }
  return re.test(value);
}

function actionApplies(statement: Statement, action: string): boolean {
  if (statement.actions) return statement.actions.some((p) => wildcardMatch(p, action, true));
  return !(statement.notActions ?? []).some((p) => wildcardMatch(p, action, true));
}

/**
 * Values that differ between deployments of the same template (the account, the Region, the stack's name):
 * a grant and a call that name them compare as if they could be anything, since both are the one deployment's.
 */
const DEPLOYMENT_VALUE = /\{AWS::(?:Region|AccountId|StackName|StackId)\}/g;

/**
 * Attributes the analysis does not model (`{Bus.Unmodelled}`): a grant naming one may or may not cover a
 * call, which is a question the analysis cannot answer, not a missing permission.
 */
const UNMODELLED_ATTRIBUTE = /\{[A-Za-z0-9]+\.[A-Za-z0-9.]+\}/g;

/** Stands for a deployment value in a glob: any run of characters within one ARN segment. */
const SEGMENT = '\u0000';
const SEPARATORS = ':/';

function asGlob(pattern: string): string {
  return pattern.replace(DEPLOYMENT_VALUE, SEGMENT);
}

const isStar = (c: string | undefined): boolean => c === '*' || c === SEGMENT;
const isWild = (c: string): boolean => isStar(c) || c === '?';
/** Whether a star of one pattern can stand for the character (or the wildcard) at that place of the other. */
const absorbs = (star: string, c: string): boolean => star === '*' || !SEPARATORS.includes(c);

/**
 * Whether some string matches both glob patterns (`*` any run, `?` one character, SEGMENT a run within a
 * segment): a grant written with wildcards and a call whose resource has parts known only at deploy.
 */
export function globsIntersect(a: string, b: string): boolean {
  // Literal endings must agree: most different resources differ there, and this is linear.
  for (let i = a.length - 1, j = b.length - 1; i >= 0 && j >= 0 && !isWild(a[i]) && !isWild(b[j]); i--, j--) {
    if (a[i] !== b[j]) return false;
  }
  const seen = new Map<number, boolean>();
  const width = b.length + 1;
  const from = (i: number, j: number): boolean => {
    const key = i * width + j;
    const known = seen.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (isStar(a[i])) result = from(i + 1, j) || (j < b.length && absorbs(a[i], b[j]) && from(i, j + 1));
    else if (isStar(b[j])) result = from(i, j + 1) || (i < a.length && absorbs(b[j], a[i]) && from(i + 1, j));
    else if (i === a.length || j === b.length) result = i === a.length && j === b.length;
    else result = (a[i] === b[j] || a[i] === '?' || b[j] === '?') && from(i + 1, j + 1);
    seen.set(key, result);
    return result;
  };
  return from(0, 0);
}

/** Whether a granted pattern may cover the resource (`possibly`), or covers it whatever the deployment (`surely`). */
type Certainty = 'possibly' | 'surely';

function covers(pattern: string, resource: string, certainty: Certainty): boolean {
  if (wildcardMatch(pattern, resource)) return true;
  if (certainty === 'surely') return false;
  // The quadratic comparison only where a deployment value or a wildcard could make them meet.
  if (!/[*?]|\{AWS::/.test(pattern + resource)) return false;
  return globsIntersect(asGlob(pattern), asGlob(resource));
}

/**
 * Whether the statement covers the resource: an Allow when it possibly does (we report only what we can show
 * is missing), a Deny only when it surely does. An unknown resource (the code names it in a way we cannot
 * trace) is covered by any Allow, but only a Deny on every resource denies it.
 */
function resourceApplies(statement: Statement, resource: ResourcePattern | undefined): boolean {
  const allow = statement.effect === 'Allow';
  const certainty: Certainty = allow ? 'possibly' : 'surely';
  const exclusion: Certainty = allow ? 'surely' : 'possibly';
  if (statement.resources) {
    if (!resource) return allow ? statement.resources.length > 0 : statement.resources.some((r) => r.pattern === '*');
    return statement.resources.some((r) => covers(r.pattern, resource.pattern, certainty));
  }
  if (!resource) return allow;
  return !(statement.notResources ?? []).some((r) => covers(r.pattern, resource.pattern, exclusion));
}

/**
 * An Allow that would cover the resource if the attributes it names, which the analysis does not model, were the
 * call's.
 */
function mightApply(statement: Statement, resource: ResourcePattern): boolean {
  return (statement.resources ?? []).some((r) => {
    const widened = r.pattern.replace(UNMODELLED_ATTRIBUTE, '*');
    return widened !== r.pattern && covers(widened, resource.pattern, 'possibly');
  });
}

export type Decision =
  | { readonly decision: 'allowed'; readonly by: Statement }
  | { readonly decision: 'denied'; readonly by: Statement }
  /** `unsure`: an Allow whose resource names a value the analysis cannot know, which might be the call's. */
  | { readonly decision: 'implicitly-denied'; readonly unsure?: Statement };

/** IAM's evaluation for one principal policy set: an explicit Deny wins, then any Allow, else implicit deny. */
export function evaluate(statements: readonly Statement[], action: string, resource?: ResourcePattern): Decision {
  let allow: Statement | undefined;
  for (const s of statements) {
    if (!actionApplies(s, action) || !resourceApplies(s, resource)) continue;
    if (s.effect === 'Deny') {
      if (!s.conditional) return { decision: 'denied', by: s };
    } else {
      allow ??= s;
    }
  }
  if (allow) return { decision: 'allowed', by: allow };
  const unsure =
    resource && statements.find((s) => s.effect === 'Allow' && actionApplies(s, action) && mightApply(s, resource));
  return unsure ? { decision: 'implicitly-denied', unsure } : { decision: 'implicitly-denied' };
}

/** Whether a granted action pattern (`dynamodb:Put*`) covers a concrete action. */
export function actionCovers(pattern: string, action: string): boolean {
  return wildcardMatch(pattern, action, true);
}
