import * as path from 'path';
import { localResolutionOf } from '../../../../src/core/invoke';
import { apiTableOf, type ApiTable } from '../../../../src/core/invoke/http-api';
import { EMPTY_OVERRIDES } from '../../../../src/core/invoke/overrides';
import { load } from '../../helpers';

/** The local HTTP API's test application (test/fixtures/http-api): a template and real Node.js handlers. */
export const FIXTURE = path.resolve(__dirname, '../../../fixtures/http-api/template.yaml');

export function tableOf(text: string, fileName: string): ApiTable {
  const template = load(text, fileName);
  return apiTableOf(template, localResolutionOf(template, { overrides: EMPTY_OVERRIDES }).resolver);
}

/** A JWT with the given claims (unsigned: the local authorizer does not check signatures). */
export function jwt(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2ln`;
}
