import { numberOf, valueOf } from '../../model/nodes';
import { functionNamedBy, resourceNamedBy } from '../../model/references';
import { NUMBER, TEXT } from '../../model/resolve/setting';
import type { Resource, Template } from '../../model/template';
import { compact } from '../format';
import type { Demand } from '../pricing';
import { flat, HOURS_PER_MONTH, KB_PER_GB } from '../prices';
import type { ServiceCost, ServiceInput } from '../services';
import type { PricedSetting } from '../settings';
import { assumptionNote, pricedSetting, propertySetting } from '../settings';

const LOG_GROUP_TYPE = 'AWS::Logs::LogGroup';
/** Lambda writes to `/aws/lambda/<function name>` unless `LoggingConfig.LogGroup` names another group. */
const LAMBDA_LOG_GROUP_PREFIX = '/aws/lambda/';
const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;
/** A group that never expires keeps growing; it is priced as holding a year of logs, and says so. */
const NEVER_EXPIRES_PRICED_DAYS = 365;

/** Which log group of the stack each function writes to, both ways. */
export interface FunctionLogGroups {
  readonly groupByFunction: ReadonlyMap<string, string>;
  readonly functionByGroup: ReadonlyMap<string, string>;
}

const cache = new WeakMap<Template, FunctionLogGroups>();

/**
 * The log groups the stack declares for its functions: one the framework generates for a function, one whose
 * `LogGroupName` is `/aws/lambda/` followed by a reference to a function (`!Sub /aws/lambda/${Fn}`) or its fixed name,
 * and one a function's `LoggingConfig.LogGroup` names. Their ingestion is priced on the function (Lambda's volume
 * tiers), their storage on the group (with its retention).
 */
export function functionLogGroups(template: Template): FunctionLogGroups {
  let known = cache.get(template);
  if (known) return known;
  const groupByFunction = new Map<string, string>();
  const functionByGroup = new Map<string, string>();
  const link = (fn: string, group: string): void => {
    if (groupByFunction.has(fn) || functionByGroup.has(group)) return;
    groupByFunction.set(fn, group);
    functionByGroup.set(group, fn);
  };
  const functionIds = new Set(template.functions.map((f) => f.logicalId));
  const byDeployedName = new Map(
    template.functions.flatMap((f) => (f.functionName?.value ? [[f.functionName.value, f.logicalId]] : [])),
  );
  for (const fn of template.functions) {
    const named = resourceNamedBy(template, valueOf(valueOf(fn.resource.properties, 'LoggingConfig'), 'LogGroup'));
    if (named?.type === LOG_GROUP_TYPE) link(fn.logicalId, named.logicalId);
  }
  for (const group of template.resources) {
    if (group.type !== LOG_GROUP_TYPE) continue;
    const generator = group.generatedBy?.logicalId;
    if (generator && functionIds.has(generator)) {
      link(generator, group.logicalId);
      continue;
    }
    const nameNode = valueOf(group.properties, 'LogGroupName');
    if (!nameNode) continue;
    const name = template.resolver.evaluate(nameNode);
    if (name.known && typeof name.value === 'string') {
      const fn = name.value.startsWith(LAMBDA_LOG_GROUP_PREFIX)
        ? byDeployedName.get(name.value.slice(LAMBDA_LOG_GROUP_PREFIX.length))
        : undefined;
      if (fn) link(fn, group.logicalId);
      continue;
    }
    const written = template.text.slice(nameNode.span.start, nameNode.span.end);
    const fn = written.includes(LAMBDA_LOG_GROUP_PREFIX) ? functionNamedBy(template, nameNode) : undefined;
    if (fn) link(fn.fn.logicalId, group.logicalId);
  }
  known = { groupByFunction, functionByGroup };
  cache.set(template, known);
  return known;
}

/**
 * A CloudWatch Logs log group: ingestion per GB (Standard or Infrequent Access class) and storage per GB-month for
 * what `RetentionInDays` keeps (aws.amazon.com/cloudwatch/pricing). A function's group takes its volume from the
 * function, whose line carries the ingestion.
 */
export function logGroupCost({ template, resource, usage, sheet, usageOf }: ServiceInput): ServiceCost {
  const { logs } = sheet;
  const settings: PricedSetting[] = [];
  const notes: string[] = [];
  const demands: Demand[] = [];
  const owner = functionLogGroups(template).functionByGroup.get(resource.logicalId);
  const ownerUsage = owner === undefined ? undefined : usageOf(owner);
  let gb: number;
  if (owner !== undefined && ownerUsage) {
    gb = (ownerUsage.monthlyRequests.value * ownerUsage.logKbPerInvocation.value) / KB_PER_GB;
    notes.push(
      `The logs of ${owner}: their volume follows its monthlyRequests × logKbPerInvocation, and their ingestion is ` +
        `priced on ${owner} (Lambda log volume tiers).`,
    );
  } else {
    gb = usage.monthlyIngestedGb.value;
    const logClass = propertySetting(template, resource, ['LogGroupClass'], TEXT);
    if (logClass) settings.push(pricedSetting('LogGroupClass', logClass, undefined, 'priced as STANDARD'));
    const infrequent = logClass?.value === 'INFREQUENT_ACCESS';
    demands.push({
      name: `Ingestion (${infrequent ? 'Infrequent Access' : 'Standard'} class)`,
      quantity: gb,
      unit: 'GB',
      tiers: flat(infrequent ? logs.infrequentAccessIngestionUsdPerGb : logs.ingestionUsdPerGb),
      pool: infrequent ? 'logs-ingestion-ia' : 'logs-ingestion',
      note: logClass && assumptionNote(settings[0]),
    });
  }
  const retention = retentionOf(template, resource, owner);
  if (retention.setting) settings.push(retention.setting);
  const days = retention.days;
  const retained = days ?? NEVER_EXPIRES_PRICED_DAYS;
  demands.push({
    name: days === undefined ? 'Storage (never expires: a year of logs)' : `Storage (${days} days kept)`,
    quantity: (gb * retained) / DAYS_PER_MONTH,
    unit: 'GB-month',
    tiers: flat(logs.storageUsdPerGbMonth),
    pool: 'logs-storage',
    note: retention.note,
  });
  if (days === undefined)
    notes.push(
      `Without a retention the stored logs grow by ${compact(gb)} GB every month; the storage line prices a year ` +
        `of them. Set ${retention.property} to cap it.`,
    );
  return {
    demands,
    drivers: `${compact(gb)} GB/month · ${days === undefined ? 'never expires' : `${days} days`}`,
    notes,
    settings,
  };
}

/**
 * How long a group keeps its logs: its `RetentionInDays`, or for a group the framework generates, the function's or
 * the provider's `logRetentionInDays` (Serverless Framework v3 reference, serverless.yml). Undefined days: never
 * expires.
 */
function retentionOf(
  template: Template,
  resource: Resource,
  owner: string | undefined,
): { days?: number; setting?: PricedSetting; note?: string; property: string } {
  const framework = template.serverless;
  if (resource.origin === 'generated' && framework) {
    const property = 'logRetentionInDays';
    const fnKey = owner === undefined ? undefined : framework.functionFacts.get(owner)?.key;
    const own = owner === undefined ? undefined : valueOf(framework.functionFacts.get(owner)?.node, property);
    const provider = valueOf(valueOf(framework.resolved, 'provider'), property);
    const days = numberOf(own) ?? numberOf(provider);
    if (days === undefined) return { property, note: `${property} is not set, so the logs never expire.` };
    const where = numberOf(own) !== undefined ? `functions.${fnKey}.${property}` : `provider.${property}`;
    return { days, property, setting: { name: property, text: `${days} days — ${where}` } };
  }
  const property = 'RetentionInDays';
  const retention = propertySetting(template, resource, [property], NUMBER);
  if (!retention) return { property, note: `${property} is not set, so the logs never expire.` };
  const setting = pricedSetting(property, retention, 'days', 'priced as never expiring');
  return { days: retention.value, setting, note: assumptionNote(setting), property };
}
