import { credentialOf, startFake, takeError, type FakeServer, type InjectedError, type SeenRequest } from './http-fake';

/**
 * A CloudFormation endpoint on 127.0.0.1 for the real SDK client, speaking the query protocol: a form-encoded POST
 * with `Action`, answered in XML in the namespace http://cloudformation.amazonaws.com/doc/2010-05-15/.
 * - DescribeStacks (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStacks.html):
 *   "DescribeStacksResult > Stacks > member" with StackName, StackId, CreationTime, StackStatus,
 *   StackStatusReason, Outputs > member (OutputKey, OutputValue, Description, ExportName). An unknown stack is
 *   the documented `ValidationError` "Stack with id <name> does not exist" (HTTP 400).
 * - ListStackResources (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ListStackResources.html):
 *   "ListStackResourcesResult > StackResourceSummaries > member" with LogicalResourceId, PhysicalResourceId,
 *   ResourceType, ResourceStatus, ResourceStatusReason, LastUpdatedTimestamp, and NextToken when more pages follow.
 * - Errors (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/CommonErrors.html):
 *   `<ErrorResponse><Error><Type>Sender</Type><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 */
export interface FakeStackResource {
  readonly logicalId: string;
  readonly type: string;
  status: string;
  physicalId?: string;
  reason?: string;
}

export interface FakeStack {
  readonly name: string;
  readonly id: string;
  status: string;
  reason?: string;
  outputs: { key: string; value: string; description?: string }[];
  resources: FakeStackResource[];
}

export interface FakeCloudFormation extends FakeServer {
  readonly stacks: Map<string, FakeStack>;
}

const NS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
/** Resources per ListStackResources page: small, so the client's paging is exercised. */
const PAGE_SIZE = 3;

const escape = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const element = (name: string, value: string | undefined) =>
  value === undefined ? '' : `<${name}>${escape(value)}</${name}>`;

export async function startFakeCloudFormation(stacks: FakeStack[] = []): Promise<FakeCloudFormation> {
  const state = new Map(stacks.map((s) => [s.name, s]));
  const seen: SeenRequest[] = [];
  const errors: InjectedError[] = [];
  const server = await startFake((req, body, res) => {
    const form = Object.fromEntries(new URLSearchParams(body));
    const operation = form.Action ?? '';
    seen.push({ operation, input: form, credential: credentialOf(req) });
    const reply = (status: number, xml: string) => {
      res.writeHead(status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': `fake-${seen.length}` });
      res.end(xml);
    };
    const fail = (status: number, code: string, message: string) =>
      reply(
        status,
        `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code>` +
          `<Message>${escape(message)}</Message></Error><RequestId>fake-${seen.length}</RequestId></ErrorResponse>`,
      );
    const injected = takeError(errors, operation);
    if (injected) return fail(injected.status, injected.code, injected.message);
    const stack = state.get(form.StackName ?? '');
    if (!stack) return fail(400, 'ValidationError', `Stack with id ${form.StackName} does not exist`);
    const ok = (result: string) =>
      reply(
        200,
        `<${operation}Response xmlns="${NS}"><${operation}Result>${result}</${operation}Result>` +
          `<ResponseMetadata><RequestId>fake-${seen.length}</RequestId></ResponseMetadata></${operation}Response>`,
      );
    if (operation === 'DescribeStacks') {
      const outputs = stack.outputs
        .map(
          (o) =>
            `<member>${element('OutputKey', o.key)}${element('OutputValue', o.value)}` +
            `${element('Description', o.description)}</member>`,
        )
        .join('');
      return ok(
        `<Stacks><member>${element('StackName', stack.name)}${element('StackId', stack.id)}` +
          `<CreationTime>2026-01-01T00:00:00Z</CreationTime>${element('StackStatus', stack.status)}` +
          `${element('StackStatusReason', stack.reason)}<Outputs>${outputs}</Outputs></member></Stacks>`,
      );
    }
    if (operation === 'ListStackResources') {
      const from = Number(form.NextToken ?? 0);
      const page = stack.resources.slice(from, from + PAGE_SIZE);
      const members = page
        .map(
          (r) =>
            `<member>${element('LogicalResourceId', r.logicalId)}${element('PhysicalResourceId', r.physicalId)}` +
            `${element('ResourceType', r.type)}${element('ResourceStatus', r.status)}` +
            `${element('ResourceStatusReason', r.reason)}` +
            `<LastUpdatedTimestamp>2026-01-01T00:00:00Z</LastUpdatedTimestamp></member>`,
        )
        .join('');
      const next = from + PAGE_SIZE < stack.resources.length ? element('NextToken', String(from + PAGE_SIZE)) : '';
      return ok(`<StackResourceSummaries>${members}</StackResourceSummaries>${next}`);
    }
    fail(400, 'InvalidAction', `The action ${operation} is not valid for this web service.`);
  });
  return { ...server, seen, errors, stacks: state };
}
