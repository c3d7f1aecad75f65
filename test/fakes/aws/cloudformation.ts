import * as YAML from 'yaml';
import { members, memberPairs, queryError, queryForm, queryResult, type XmlValue } from './query-protocol';
import { FakeServer, type FakeReply, type ServiceError } from './server';

const CFN_NAMESPACE = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
const ACCOUNT = '123456789012';
/** Resources per ListStackResources page: small, so the client's paging is exercised. */
const PAGE_SIZE = 3;

interface FakeResource {
  readonly type: string;
  readonly physicalId: string;
  /** The resource as last deployed (JSON), to tell a modification; empty for a stack a test sets up. */
  readonly definition: string;
  status: string;
  reason?: string;
}

/** A stack as a test sets it up: already deployed, with its status, outputs and resources. */
export interface StackSetup {
  readonly name: string;
  readonly id: string;
  readonly status: string;
  readonly reason?: string;
  readonly outputs: readonly { key: string; value: string; description?: string }[];
  readonly resources: readonly {
    logicalId: string;
    type: string;
    status: string;
    physicalId?: string;
    reason?: string;
  }[];
}

interface FakeStack {
  readonly name: string;
  readonly id: string;
  status: string;
  reason?: string;
  outputs: StackSetup['outputs'];
  resources: Map<string, FakeResource>;
  parameters: Record<string, string>;
  tags: Record<string, string>;
  /** Events oldest first; `visible` of them have "happened" (DescribeStackEvents reveals a few more each call). */
  events: XmlValue[];
  visible: number;
  /** The template of the last successful update, as submitted (GetTemplate's `Original` stage). */
  templateBody?: string;
}

interface FakeChangeSet {
  readonly id: string;
  readonly name: string;
  readonly stack: FakeStack;
  readonly type: string;
  readonly resources: Map<string, { type: string; definition: string }>;
  readonly changes: XmlValue[];
  readonly capabilities: string[];
  readonly templateBody: string;
  describes: number;
  status: string;
  readonly statusReason?: string;
}

/**
 * CloudFormation over the query protocol with the operations deploy and the explorer use: DescribeStacks,
 * CreateChangeSet, DescribeChangeSet, ExecuteChangeSet, DeleteChangeSet, DescribeStackEvents, DescribeStackResource,
 * DescribeStackResources, ListStackResources and GetTemplate, each answering in the shape of the API Reference
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_<Operation>.html). It does not run the SAM
 * transform: the change set lists the template's resources as written. Changes are computed by comparing each
 * resource's definition; tests choose which modifications replace (`replaceOnChange`) and which resource fails
 * (`failResource`). Stacks a test sets up (`StackSetup`) answer DescribeStacks with their outputs and reasons, and
 * ListStackResources in pages of three with `NextToken`, so the reader's paging is exercised.
 */
export class FakeCloudFormation {
  readonly stacks = new Map<string, FakeStack>();
  readonly changeSets = new Map<string, FakeChangeSet>();
  readonly replaceOnChange = new Set<string>();
  failResource: { logicalId: string; reason: string } | undefined;
  /** How many new events each DescribeStackEvents call reveals, so progress streams over several polls. */
  eventsPerCall = 2;
  readonly server = new FakeServer(
    (_req, body) => queryForm(body).get('Action') ?? '',
    (_req, body, operation) => this.handle(queryForm(body), operation),
    (body) => Object.fromEntries(queryForm(body)),
  );
  private clock = Date.parse('2026-01-01T00:00:00Z');

  constructor(stacks: readonly StackSetup[] = []) {
    for (const setup of stacks)
      this.stacks.set(setup.name, {
        ...setup,
        resources: new Map(
          setup.resources.map(({ logicalId, physicalId, ...r }) => [
            logicalId,
            { ...r, physicalId: physicalId ?? '', definition: '' },
          ]),
        ),
        parameters: {},
        tags: {},
        events: [],
        visible: 0,
      });
  }

  /** The next calls fail as CloudFormation answers an error (Common Errors: `<ErrorResponse>`). */
  reject(error: ServiceError): void {
    const { operation, times, status, code, message } = error;
    this.server.fail({ operation, times, reply: queryError(CFN_NAMESPACE, status, code, message) });
  }

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  get url(): string {
    return this.server.url;
  }

  private handle(form: URLSearchParams, action: string): FakeReply {
    const result = (value: XmlValue) => queryResult(CFN_NAMESPACE, action, value);
    const stackName = form.get('StackName') ?? '';
    const stack = this.findStack(stackName);
    const missing = () =>
      queryError(CFN_NAMESPACE, 400, 'ValidationError', `Stack with id ${stackName} does not exist`);
    switch (action) {
      case 'DescribeStacks':
        return stack ? result({ Stacks: [this.stackXml(stack)] }) : missing();
      case 'CreateChangeSet':
        return this.createChangeSet(form, stack, result);
      case 'DescribeChangeSet': {
        const cs = this.changeSets.get(form.get('ChangeSetName') ?? '');
        if (!cs)
          return queryError(
            CFN_NAMESPACE,
            404,
            'ChangeSetNotFound',
            `ChangeSet ${form.get('ChangeSetName')} does not exist`,
          );
        // The first answer is CREATE_IN_PROGRESS, as CloudFormation computes changes asynchronously.
        const status = cs.describes++ === 0 ? 'CREATE_IN_PROGRESS' : cs.status;
        return result({
          ChangeSetName: cs.name,
          ChangeSetId: cs.id,
          StackId: cs.stack.id,
          StackName: cs.stack.name,
          Status: status,
          StatusReason: status === 'FAILED' ? cs.statusReason : undefined,
          ExecutionStatus: status === 'CREATE_COMPLETE' ? 'AVAILABLE' : 'UNAVAILABLE',
          Capabilities: cs.capabilities,
          Changes: status === 'CREATE_COMPLETE' ? cs.changes : [],
        });
      }
      case 'ExecuteChangeSet': {
        const cs = this.changeSets.get(form.get('ChangeSetName') ?? '');
        if (!cs || cs.status !== 'CREATE_COMPLETE')
          return queryError(CFN_NAMESPACE, 400, 'InvalidChangeSetStatus', 'ChangeSet is not in an executable state');
        this.execute(cs);
        this.changeSets.delete(cs.id);
        return result({});
      }
      case 'DeleteChangeSet':
        this.changeSets.delete(form.get('ChangeSetName') ?? '');
        return result({});
      case 'DescribeStackEvents':
        if (!stack) return missing();
        stack.visible = Math.min(stack.events.length, stack.visible + this.eventsPerCall);
        return result({ StackEvents: stack.events.slice(0, stack.visible).reverse() });
      case 'DescribeStackResource': {
        const id = form.get('LogicalResourceId') ?? '';
        const resource = stack?.resources.get(id);
        if (!stack || !resource)
          return queryError(
            CFN_NAMESPACE,
            400,
            'ValidationError',
            `Resource ${id} does not exist for stack ${stackName}`,
          );
        return result({ StackResourceDetail: this.resourceXml(stack, id, resource, 'LastUpdatedTimestamp') });
      }
      case 'DescribeStackResources':
        if (!stack) return missing();
        return result({
          StackResources: [...stack.resources].map(([id, r]) => this.resourceXml(stack, id, r, 'Timestamp')),
        });
      case 'ListStackResources': {
        if (!stack) return missing();
        const from = Number(form.get('NextToken') ?? 0);
        return result({
          StackResourceSummaries: [...stack.resources].slice(from, from + PAGE_SIZE).map(([id, r]) => ({
            LogicalResourceId: id,
            PhysicalResourceId: r.physicalId || undefined,
            ResourceType: r.type,
            ResourceStatus: r.status,
            ResourceStatusReason: r.reason,
            LastUpdatedTimestamp: this.now(),
          })),
          NextToken: from + PAGE_SIZE < stack.resources.size ? String(from + PAGE_SIZE) : undefined,
        });
      }
      case 'GetTemplate':
        // "Returns the template body for a specified stack": TemplateBody, and StagesAvailable (Original, the
        // template as submitted; Processed, after transforms). This server keeps the submitted one only.
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_GetTemplate.html
        if (!stack || stack.templateBody === undefined) return missing();
        return result({ TemplateBody: stack.templateBody, StagesAvailable: ['Original'] });
      default:
        return queryError(CFN_NAMESPACE, 400, 'InvalidAction', `${action} is not implemented by this test server.`);
    }
  }

  private findStack(nameOrId: string): FakeStack | undefined {
    return this.stacks.get(nameOrId) ?? [...this.stacks.values()].find((s) => s.id === nameOrId);
  }

  private createChangeSet(form: URLSearchParams, existing: FakeStack | undefined, result: (v: XmlValue) => FakeReply) {
    const name = form.get('StackName') ?? '';
    const type = form.get('ChangeSetType') ?? 'UPDATE';
    if (type === 'UPDATE' && !existing)
      return queryError(CFN_NAMESPACE, 400, 'ValidationError', `Stack [${name}] does not exist`);
    if (type === 'CREATE' && existing && existing.status !== 'REVIEW_IN_PROGRESS')
      return queryError(CFN_NAMESPACE, 400, 'AlreadyExistsException', `Stack [${name}] already exists`);
    const body = form.get('TemplateBody');
    if (!body) return queryError(CFN_NAMESPACE, 400, 'ValidationError', 'TemplateBody is required by this test server');
    const parsed = YAML.parse(body, { logLevel: 'error' }) as { Resources?: Record<string, { Type: string }> };
    const stack: FakeStack = existing ?? {
      name,
      id: `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/${name}/${this.stacks.size + 1}`,
      status: 'REVIEW_IN_PROGRESS',
      outputs: [],
      resources: new Map(),
      parameters: {},
      tags: {},
      events: [],
      visible: 0,
    };
    this.stacks.set(name, stack);
    stack.parameters = memberPairs(form, 'Parameters', 'ParameterKey', 'ParameterValue');
    stack.tags = memberPairs(form, 'Tags', 'Key', 'Value');
    const resources = new Map(
      Object.entries(parsed.Resources ?? {}).map(([id, r]) => [id, { type: r.Type, definition: JSON.stringify(r) }]),
    );
    const changes: XmlValue[] = [];
    for (const [id, r] of resources) {
      const old = stack.resources.get(id);
      if (!old) changes.push(change('Add', id, r.type));
      else if (old.definition !== r.definition)
        changes.push({
          ...change('Modify', id, r.type, old.physicalId),
          ResourceChange: {
            ...(change('Modify', id, r.type, old.physicalId).ResourceChange as object),
            Replacement: this.replaceOnChange.has(id) ? 'True' : 'False',
            Scope: ['Properties'],
            Details: changedProperties(old.definition, r.definition).map((p) => ({
              Target: {
                Attribute: 'Properties',
                Name: p,
                RequiresRecreation: this.replaceOnChange.has(id) ? 'Always' : 'Never',
              },
              Evaluation: 'Static',
              ChangeSource: 'DirectModification',
            })),
          },
        });
    }
    for (const [id, old] of stack.resources)
      if (!resources.has(id)) changes.push(change('Remove', id, old.type, old.physicalId));
    const changeSetName = form.get('ChangeSetName') ?? '';
    const id = `arn:aws:cloudformation:us-east-1:${ACCOUNT}:changeSet/${changeSetName}/${this.changeSets.size + 1}`;
    this.changeSets.set(id, {
      id,
      name: form.get('ChangeSetName') ?? '',
      stack,
      type,
      resources,
      changes,
      capabilities: members(form, 'Capabilities'),
      templateBody: body,
      describes: 0,
      status: changes.length === 0 ? 'FAILED' : 'CREATE_COMPLETE',
      ...(changes.length === 0
        ? {
            statusReason:
              "The submitted information didn't contain changes. Submit different information to create a change set.",
          }
        : {}),
    });
    return result({ Id: id, StackId: stack.id });
  }

  /** Applies the change set and queues the events CloudFormation would emit, rolling back on `failResource`. */
  private execute(cs: FakeChangeSet): void {
    const stack = cs.stack;
    const creating = cs.type === 'CREATE';
    const verb = creating ? 'CREATE' : 'UPDATE';
    const event = (logicalId: string, type: string, status: string, reason?: string, physicalId?: string) =>
      stack.events.push({
        StackId: stack.id,
        EventId: `${logicalId}-${status}-${stack.events.length}`,
        StackName: stack.name,
        LogicalResourceId: logicalId,
        PhysicalResourceId: physicalId ?? '',
        ResourceType: type,
        Timestamp: this.now(),
        ResourceStatus: status,
        ResourceStatusReason: reason,
      });
    const stackType = 'AWS::CloudFormation::Stack';
    event(stack.name, stackType, `${verb}_IN_PROGRESS`, 'User Initiated', stack.id);
    const previous = new Map(stack.resources);
    const touched: string[] = [];
    let failed = false;
    for (const [id, r] of cs.resources) {
      const old = stack.resources.get(id);
      if (old && old.definition === r.definition) continue;
      const action = old ? 'UPDATE' : 'CREATE';
      if (failed) {
        event(id, r.type, `${action}_FAILED`, `Resource ${action === 'CREATE' ? 'creation' : 'update'} cancelled`);
        continue;
      }
      event(id, r.type, `${action}_IN_PROGRESS`);
      if (this.failResource?.logicalId === id) {
        event(id, r.type, `${action}_FAILED`, this.failResource.reason);
        failed = true;
        continue;
      }
      const physicalId = old?.physicalId ?? `${stack.name}-${id}-${'ABCDEFGHIJ'.slice(0, 6)}`;
      stack.resources.set(id, { type: r.type, physicalId, definition: r.definition, status: `${action}_COMPLETE` });
      touched.push(id);
      event(id, r.type, `${action}_COMPLETE`, undefined, physicalId);
    }
    if (!failed) {
      for (const [id, old] of previous) {
        if (cs.resources.has(id)) continue;
        event(id, old.type, 'DELETE_COMPLETE', undefined, old.physicalId);
        stack.resources.delete(id);
      }
      stack.status = `${verb}_COMPLETE`;
      stack.templateBody = cs.templateBody;
      event(stack.name, stackType, stack.status, undefined, stack.id);
      return;
    }
    const rollback = creating ? 'ROLLBACK' : 'UPDATE_ROLLBACK';
    event(
      stack.name,
      stackType,
      `${rollback}_IN_PROGRESS`,
      'The following resource(s) failed to create or update.',
      stack.id,
    );
    for (const id of touched.reverse()) {
      const r = stack.resources.get(id)!;
      event(id, r.type, creating ? 'DELETE_COMPLETE' : 'UPDATE_COMPLETE', undefined, r.physicalId);
    }
    stack.resources = creating ? new Map() : previous;
    stack.status = `${rollback}_COMPLETE`;
    event(stack.name, stackType, stack.status, undefined, stack.id);
  }

  private stackXml(stack: FakeStack): XmlValue {
    return {
      StackName: stack.name,
      StackId: stack.id,
      CreationTime: this.now(),
      StackStatus: stack.status,
      StackStatusReason: stack.reason,
      Parameters: Object.entries(stack.parameters).map(([ParameterKey, ParameterValue]) => ({
        ParameterKey,
        ParameterValue,
      })),
      Tags: Object.entries(stack.tags).map(([Key, Value]) => ({ Key, Value })),
      Outputs: stack.outputs.map((o) => ({ OutputKey: o.key, OutputValue: o.value, Description: o.description })),
    };
  }

  private resourceXml(stack: FakeStack, id: string, r: FakeResource, timeKey: string): XmlValue {
    return {
      StackName: stack.name,
      StackId: stack.id,
      LogicalResourceId: id,
      PhysicalResourceId: r.physicalId,
      ResourceType: r.type,
      ResourceStatus: r.status,
      [timeKey]: this.now(),
    };
  }

  private now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }
}

function change(action: string, logicalId: string, type: string, physicalId?: string): { [key: string]: XmlValue } {
  return {
    Type: 'Resource',
    ResourceChange: {
      Action: action,
      LogicalResourceId: logicalId,
      PhysicalResourceId: physicalId,
      ResourceType: type,
    },
  };
}

function changedProperties(before: string, after: string): string[] {
  const a = (JSON.parse(before) as { Properties?: Record<string, unknown> }).Properties ?? {};
  const b = (JSON.parse(after) as { Properties?: Record<string, unknown> }).Properties ?? {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
}
