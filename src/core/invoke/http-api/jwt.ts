/** A JWT's claims as an authorizer reads them; the signature is not verified locally (the log says so). */
export type JwtCheck =
  | { readonly ok: true; readonly claims: Readonly<Record<string, unknown>>; readonly scopes: readonly string[] | null }
  | { readonly ok: false; readonly reason: string };

function decodePart(part: string): unknown {
  return JSON.parse(Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
}

/**
 * Decodes a bearer token and checks what API Gateway's JWT authorizer checks besides the signature: `exp`, `nbf`,
 * `iss` against the issuer, `aud` or `client_id` against the audience (API Gateway developer guide, "Controlling
 * access to HTTP APIs with JWT authorizers", "Validating a JWT").
 */
export function checkJwt(
  rawToken: string,
  expected: { readonly issuer: string | undefined; readonly audience: readonly string[] },
  nowMs: number,
): JwtCheck {
  const token = rawToken.replace(/^Bearer\s+/i, '').trim();
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'the token is not a JWT (three dot-separated parts)' };
  let claims: unknown;
  try {
    decodePart(parts[0]);
    claims = decodePart(parts[1]);
  } catch {
    return { ok: false, reason: 'the token is not a JWT (its header or claims are not base64url JSON)' };
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims))
    return { ok: false, reason: 'the token has no claims object' };
  const c = claims as Record<string, unknown>;
  const nowSeconds = nowMs / 1000;
  if (typeof c.exp !== 'number') return { ok: false, reason: 'the token has no exp claim' };
  if (c.exp <= nowSeconds) return { ok: false, reason: 'the token has expired' };
  if (typeof c.nbf === 'number' && c.nbf > nowSeconds) return { ok: false, reason: 'the token is not valid yet (nbf)' };
  if (expected.issuer !== undefined && c.iss !== expected.issuer)
    return { ok: false, reason: `the token's issuer ${JSON.stringify(c.iss)} is not ${expected.issuer}` };
  if (expected.audience.length) {
    const audiences = Array.isArray(c.aud)
      ? c.aud
      : c.aud !== undefined
        ? [c.aud]
        : c.client_id !== undefined
          ? [c.client_id]
          : [];
    if (!audiences.some((a) => expected.audience.includes(String(a))))
      return {
        ok: false,
        reason:
          `the token's audience ${JSON.stringify(c.aud ?? c.client_id)} is not one of ` + expected.audience.join(', '),
      };
  }
  const scopes = typeof c.scope === 'string' ? c.scope.split(' ').filter(Boolean) : null;
  return { ok: true, claims: c, scopes };
}
