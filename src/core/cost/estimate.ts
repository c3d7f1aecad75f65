import type { Span } from '../model/nodes';
import type { Resource, Template } from '../model/template';
import type { CostKind } from './kinds';
import { costKindOf } from './kinds';
import type { Demand, LineItem } from './pricing';
import { priceDemands } from './pricing';
import type { PriceData, PriceSheet } from './prices';
import { DEFAULT_REGION, HOURS_PER_MONTH, pricesFor, SHIPPED_PRICES } from './prices';
import type { Architecture, FunctionOverride } from './lambda-settings';
import { lambdaSettings } from './lambda-settings';
import { inVpc, serviceCost } from './services';
import type { CreationCondition, PricedSetting } from './settings';
import { creationOf } from './settings';
import type { UsageFile } from './usage-file';
import type { CostedResource, ResolvedUsage } from './wiring';
import { resolveUsage, wiringOf } from './wiring';

export type { Architecture, FunctionOverride } from './lambda-settings';

export interface CostOptions {
  /** `--region` or the editor setting; wins over the usage file and the template. */
  readonly region?: string;
  /** `--no-free-tier` or the editor setting; wins over the usage file. */
  readonly freeTier?: boolean;
  readonly prices?: PriceData;
  /**
   * What-if figures for hovers and the memory/cost curve: the same stack with other memory sizes,
   * architectures or average durations (the duration a model predicts at another memory size).
   */
  readonly functionOverrides?: ReadonlyMap<string, FunctionOverride>;
}

export interface ResourceCost {
  readonly logicalId: string;
  readonly type: string;
  readonly kind: CostKind;
  readonly origin: Resource['origin'];
  /** Where the CodeLens goes: the logical ID, or for generated resources the element that makes them. */
  readonly span: Span;
  readonly generatedBy?: Resource['generatedBy'];
  readonly monthlyUsd: number;
  readonly lineItems: readonly LineItem[];
  readonly drivers: string;
  readonly usage: ResolvedUsage;
  readonly notes: readonly string[];
  /** The template values the price depends on, each with where it came from or what was assumed. */
  readonly settings: readonly PricedSetting[];
  /** For a function: the memory and architecture it is priced at (after what-if overrides and assumptions). */
  readonly lambda?: { readonly memoryMb: number; readonly arch: Architecture };
  /** Set when the stack may not create it: not created (priced at $0) or a condition that cannot be decided. */
  readonly creation?: CreationCondition;
}

export interface CostReport {
  readonly region: string;
  readonly regionName: string;
  /**
   * How the Region was chosen: `option`, `usage file`, where the deploy inputs came from (`samconfig.toml
   * [default.deploy.parameters] region`), `template`, `default`.
   */
  readonly regionSource: string;
  readonly currency: 'USD';
  readonly pricesAsOf: string;
  readonly freeTier: boolean;
  readonly resources: readonly ResourceCost[];
  readonly totalMonthlyUsd: number;
  readonly notes: readonly string[];
}

/**
 * Template + usage + prices → what each resource costs a month, line by line. Pure and synchronous:
 * the editor calls it on every keystroke's model, the CLI once.
 */
export function estimateCost(template: Template, usage: UsageFile, options: CostOptions = {}): CostReport {
  const { region, regionSource } = chooseRegion(template, usage, options);
  const prices = pricesFor(region, options.prices ?? SHIPPED_PRICES);
  const freeTier = options.freeTier ?? usage.freeTier ?? true;
  const displayNames = new Map(
    template.functions.filter((f) => f.displayName !== f.logicalId).map((f) => [f.logicalId, f.displayName]),
  );
  const costed: CostedResource[] = template.resources.flatMap((resource) => {
    const kind = costKindOf(template, resource);
    const alias = displayNames.get(resource.logicalId);
    return kind ? [alias ? { resource, kind, alias } : { resource, kind }] : [];
  });
  const wiring = wiringOf(template);
  const usageById = resolveUsage(costed, usage, wiring);
  const functionsById = new Map(template.functions.map((f) => [f.logicalId, f]));
  const natInTemplate = costed.some((c) => c.kind === 'natGateway' && c.resource.created !== false);
  let natHoursCarried = natInTemplate;

  const services = costed.map((c) => {
    const id = c.resource.logicalId;
    const creation = creationOf(template, c.resource);
    const view = functionsById.get(id);
    const override = options.functionOverrides?.get(id);
    const fn = view && lambdaSettings(view, override);
    if (creation?.created === false) {
      // Not created: nothing to pay, and no share of the stack's free tier or volume tiers.
      return {
        c,
        creation,
        fn,
        result: { demands: [], drivers: creation.summary, notes: [], settings: fn?.settings ?? [] },
      };
    }
    const carriesNatHours = c.kind === 'function' && !natHoursCarried && inVpc(template, c.resource);
    if (carriesNatHours) natHoursCarried = true;
    const resolved = usageById.get(id)!;
    const usage =
      override?.averageDurationMs === undefined
        ? resolved
        : { ...resolved, averageDurationMs: { value: override.averageDurationMs, source: 'what-if' } };
    const result = serviceCost({
      template,
      resource: c.resource,
      kind: c.kind,
      usage,
      usageOf: (logicalId) => usageById.get(logicalId),
      fn,
      sheet: prices.sheet,
      carriesNatHours,
    });
    const unknownSchedules = (wiring.unknownSchedulesById.get(id) ?? []).map(
      (reason) => `A schedule of ${id} is unknown (${reason}); its runs are not counted.`,
    );
    return { c, creation, fn, result: { ...result, notes: [...unknownSchedules, ...result.notes] } };
  });

  const demandsById = new Map<string, readonly Demand[]>(
    services.map((s) => [s.c.resource.logicalId, s.result.demands]),
  );
  const lineItemsById = priceDemands(demandsById, freeTier ? freeAllowances(prices.sheet) : new Map());
  const resources: ResourceCost[] = services.map(({ c, creation, fn, result }) => {
    const lineItems = lineItemsById.get(c.resource.logicalId) ?? [];
    return {
      logicalId: c.resource.logicalId,
      type: c.resource.type,
      kind: c.kind,
      origin: c.resource.origin,
      span: c.resource.idSpan,
      ...(c.resource.generatedBy ? { generatedBy: c.resource.generatedBy } : {}),
      monthlyUsd: lineItems.reduce((sum, li) => sum + li.usd, 0),
      lineItems,
      drivers: result.drivers,
      usage: usageById.get(c.resource.logicalId)!,
      notes: creation ? [`${capitalised(creation.summary)} (${creation.why}).`, ...result.notes] : result.notes,
      settings: result.settings,
      ...(fn ? { lambda: { memoryMb: fn.memoryMb, arch: fn.arch } } : {}),
      ...(creation ? { creation } : {}),
    };
  });
  const notes = [...prices.notes];
  if (regionSource === 'default')
    notes.push(`No Region given (template, samconfig, usage file or setting): prices are ${DEFAULT_REGION}'s.`);
  if (!freeTier) notes.push('Free tier off: every request and GB-second is charged.');
  const aliases = new Set(displayNames.values());
  const unknown = Object.keys(usage.resources).filter((id) => !template.resourceById.has(id) && !aliases.has(id));
  if (unknown.length > 0)
    notes.push(`The usage file names resources this template does not have: ${unknown.join(', ')}.`);
  return {
    region,
    regionName: prices.regionName,
    regionSource,
    currency: 'USD',
    pricesAsOf: prices.asOf,
    freeTier,
    resources,
    totalMonthlyUsd: resources.reduce((sum, r) => sum + r.monthlyUsd, 0),
    notes,
  };
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function chooseRegion(
  template: Template,
  usage: UsageFile,
  options: CostOptions,
): { region: string; regionSource: string } {
  if (options.region) return { region: options.region, regionSource: 'option' };
  if (usage.region) return { region: usage.region, regionSource: 'usage file' };
  // The Region the stack deploys to, given to the model (samconfig.toml `region`, a setting, `--region`).
  const deployRegion = template.resolver.inputs.region;
  if (deployRegion) return { region: deployRegion.value, regionSource: deployRegion.origin };
  if (template.serverless?.region) return { region: template.serverless.region, regionSource: 'template' };
  return { region: DEFAULT_REGION, regionSource: 'default' };
}

/**
 * The permanent free tier (aws.amazon.com/free): the 12-month offers are left out, new accounts get credits instead.
 */
function freeAllowances(sheet: PriceSheet): Map<string, number> {
  return new Map([
    ['lambda-requests', sheet.lambda.freeTier.requests],
    ['lambda-gb-seconds', sheet.lambda.freeTier.gbSeconds],
    ['sqs-requests', sheet.sqs.freeTier.requests],
    ['sns-publishes', sheet.sns.freeTier.publishes],
    ['sfn-transitions', sheet.stepFunctions.freeTier.transitions],
    ['ddb-storage', sheet.dynamodb.freeTier.storageGb],
    ['ddb-rcu', sheet.dynamodb.freeTier.rcu * HOURS_PER_MONTH],
    ['ddb-wcu', sheet.dynamodb.freeTier.wcu * HOURS_PER_MONTH],
    ['kms-requests', sheet.kms.freeTier.requests],
    ['cognito-maus', sheet.cognito.freeTier.maus],
    ['internet-out', sheet.dataTransfer.freeTier.gb],
  ]);
}
