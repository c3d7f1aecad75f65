import { requestId, xmlEscape, type FakeReply } from './server';

/**
 * The AWS query protocol as CloudFormation and STS speak it: form-encoded `Action=...` requests, XML answers
 * `<{Action}Response><{Action}Result>...</{Action}Result><ResponseMetadata>` and errors in `<ErrorResponse>`
 * (Query requests, https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/Query-Requests.html; Common Errors,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/CommonErrors.html).
 */
export function queryForm(body: Buffer): URLSearchParams {
  return new URLSearchParams(body.toString('utf8'));
}

/** `Prefix.member.1`, `Prefix.member.2`, ... of a form, in order. */
export function members(form: URLSearchParams, prefix: string): string[] {
  const values: string[] = [];
  for (let i = 1; form.has(`${prefix}.member.${i}`); i++) values.push(form.get(`${prefix}.member.${i}`)!);
  return values;
}

/** `Prefix.member.N.Key` / `.Value` pairs (Parameters, Tags). */
export function memberPairs(form: URLSearchParams, prefix: string, key: string, value: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (let i = 1; form.has(`${prefix}.member.${i}.${key}`); i++)
    pairs[form.get(`${prefix}.member.${i}.${key}`)!] = form.get(`${prefix}.member.${i}.${value}`) ?? '';
  return pairs;
}

/** A value tree rendered as the query protocol's XML: arrays as `<member>` lists, undefined left out. */
export type XmlValue = string | number | boolean | undefined | XmlValue[] | { [key: string]: XmlValue };

export function toXml(value: XmlValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join('');
  if (typeof value === 'object')
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  return xmlEscape(String(value));
}

export function queryResult(namespace: string, action: string, result: XmlValue): FakeReply {
  return {
    status: 200,
    headers: { 'Content-Type': 'text/xml' },
    body:
      `<${action}Response xmlns="${namespace}"><${action}Result>${toXml(result)}</${action}Result>` +
      `<ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

export function queryError(namespace: string, status: number, code: string, message: string): FakeReply {
  return {
    status,
    headers: { 'Content-Type': 'text/xml' },
    body:
      `<ErrorResponse xmlns="${namespace}"><Error><Type>Sender</Type><Code>${code}</Code>` +
      `<Message>${xmlEscape(message)}</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`,
  };
}
