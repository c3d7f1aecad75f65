import type * as http from 'http';

/** One HTTP request as the local API received it: what every event builder reads. */
export interface LocalRequest {
  readonly method: string;
  /** The path as sent, percent-escapes kept. */
  readonly rawPath: string;
  /** The query as sent, without `?`. */
  readonly rawQuery: string;
  /** Header names as sent and values, in order; a repeated header appears once per value. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly requestId: string;
  readonly receivedAt: Date;
}

/** The last value of a header, by case-insensitive name. */
export function headerValue(request: LocalRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  let found: string | undefined;
  for (const [k, v] of request.headers) if (k.toLowerCase() === lower) found = v;
  return found;
}

/** Query parameters in order, decoded as API Gateway decodes them (`+` is a space). */
export function queryPairs(rawQuery: string): [string, string][] {
  if (!rawQuery) return [];
  return rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      return [decodeQuery(key), decodeQuery(value)];
    });
}

function decodeQuery(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

export function decodePath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return rawPath;
  }
}

/**
 * Media types whose bodies API Gateway passes as text; an HTTP API base64-encodes every other body (API Gateway
 * developer guide, "Working with binary media types for HTTP APIs").
 */
export function isTextMediaType(contentType: string | undefined): boolean {
  if (!contentType) return true;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    /[/+](json|xml|javascript|ecmascript|x-www-form-urlencoded|yaml|graphql)$/.test(type) ||
    type === 'application/x-yaml'
  );
}

/** REST APIs: whether a content type matches one of `BinaryMediaTypes` (`image/png`, `image/*`, `*\/*`). */
export function matchesMediaType(contentType: string | undefined, patterns: readonly string[]): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return patterns.some((pattern) => {
    const [major, minor] = pattern.toLowerCase().split('/');
    const [tMajor, tMinor] = type.split('/');
    return (major === '*' || major === tMajor) && (minor === '*' || minor === tMinor);
  });
}

/**
 * The path and query of a request target: origin form (`/a?b`) or absolute form (`http://host/a?b`); undefined for
 * anything else (`*`, authority form, a URL that does not parse).
 */
export function requestTarget(raw: string): { path: string; query: string } | undefined {
  let target = raw;
  if (!target.startsWith('/')) {
    try {
      const url = new URL(target);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
      target = `${url.pathname}${url.search}`;
    } catch {
      return undefined;
    }
  }
  const q = target.indexOf('?');
  return q < 0 ? { path: target, query: '' } : { path: target.slice(0, q), query: target.slice(q + 1) };
}

/** Node's `rawHeaders` (name, value, name, value, ...) as pairs in the order sent. */
export function headerPairs(rawHeaders: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) pairs.push([rawHeaders[i], rawHeaders[i + 1]]);
  return pairs;
}

/** The request body, or undefined past `limit` bytes (the rest is drained). */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    req.on('error', () => resolve(undefined));
    req.on('close', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
  });
}
