import type { Span } from '../model/nodes';
import type { FunctionView, Resource, Template } from '../model/template';
import { formatInteger } from '../format-number';
import type { Mutable } from '../mutable';
import type { CostKind } from './kinds';
import { costKindOf } from './kinds';
import type { Demand, FreeAllowance, FreeTierCredit, LineItem } from './pricing';
import { priceDemands } from './pricing';
import { notPricedReason } from './coverage';
import { SERVICES_OF_KIND } from './kind-services';
import { recordingReads } from './read-tracking';
import { regionProblem } from './region-check';
import { LAMBDA_LIMITS } from '../rules/lambda-limits';
import type { PriceData, PriceSheet, RegionPrices } from './prices';
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
  /** The usage keys the price read from built-in defaults (or summed from them): the figure is a guess until set. */
  readonly defaults: readonly string[];
  /** "us-east-1's prices assumed for lambda, logs (none shipped for eu-west-1)", when a service has none here. */
  readonly assumedPrices?: string;
}

/** A resource the estimate lists without a figure, and why: no prices for its type, or a value that is invalid. */
export interface NotPricedResource {
  readonly logicalId: string;
  readonly type: string;
  readonly origin: Resource['origin'];
  readonly span: Span;
  readonly reason: string;
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
  /** Set when the Region cannot be priced (unknown, or another partition): nothing is priced then. */
  readonly regionProblem?: string;
  readonly resources: readonly ResourceCost[];
  readonly notPriced: readonly NotPricedResource[];
  /** The resources' figures added up, each before the free tier. */
  readonly subtotalMonthlyUsd: number;
  /** The account's free tier, one line per allowance the stack uses; shared with everything else in the account. */
  readonly freeTierCredits: readonly FreeTierCredit[];
  readonly freeTierCreditUsd: number;
  /** What volume tiers save on the stack's aggregate over each resource priced alone. */
  readonly volumeDiscountUsd: number;
  /** What the month costs: subtotal − volume discount − free-tier credit. */
  readonly totalMonthlyUsd: number;
  readonly notes: readonly string[];
}

/**
 * Template + usage + prices → what each resource costs a month, line by line. Pure and synchronous:
 * the editor calls it on every keystroke's model, the CLI once.
 */
export function estimateCost(template: Template, usage: UsageFile, options: CostOptions = {}): CostReport {
  const { region, regionSource } = chooseRegion(template, usage, options);
  const freeTier = options.freeTier ?? usage.freeTier ?? true;
  const problem = regionProblem(region);
  if (problem) return refused(region, regionSource, freeTier, problem, options.prices ?? SHIPPED_PRICES);
  const prices = pricesFor(region, options.prices ?? SHIPPED_PRICES);
  const displayNames = new Map(
    template.functions.filter((f) => f.displayName !== f.logicalId).map((f) => [f.logicalId, f.displayName]),
  );
  const functionsById = new Map(template.functions.map((f) => [f.logicalId, f]));
  const costed: CostedResource[] = [];
  const notPriced: NotPricedResource[] = [];
  for (const resource of template.resources) {
    const kind = costKindOf(template, resource);
    const reason = kind ? invalidValue(functionsById.get(resource.logicalId)) : notPricedReason(resource.type);
    if (reason) {
      notPriced.push({
        logicalId: resource.logicalId,
        type: resource.type,
        origin: resource.origin,
        span: resource.idSpan,
        reason,
      });
    } else if (kind) {
      const alias = displayNames.get(resource.logicalId);
      costed.push(alias ? { resource, kind, alias } : { resource, kind });
    }
  }
  const wiring = wiringOf(template);
  const usageById = resolveUsage(costed, usage, wiring);
  const kindById = new Map(costed.map((c) => [c.resource.logicalId, c.kind]));
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
        read: new Set<string>(),
        borrowed: new Map<string, Set<string>>(),
        result: { demands: [], drivers: creation.summary, notes: [], settings: fn?.settings ?? [] },
      };
    }
    const carriesNatHours = c.kind === 'function' && !natHoursCarried && inVpc(template, c.resource);
    if (carriesNatHours) natHoursCarried = true;
    const resolved = usageById.get(id)!;
    const { usage: tracked, read } = recordingReads(
      override?.averageDurationMs === undefined
        ? resolved
        : { ...resolved, averageDurationMs: { value: override.averageDurationMs, source: 'what-if' } },
      c.kind,
    );
    const borrowed = new Map<string, Set<string>>();
    const result = serviceCost({
      template,
      resource: c.resource,
      kind: c.kind,
      usage: tracked,
      usageOf: (otherId) => borrowedUsage(otherId, usageById, kindById, borrowed),
      fn,
      sheet: prices.sheet,
      carriesNatHours,
    });
    const unknownSchedules = (wiring.unknownSchedulesById.get(id) ?? []).map(
      (reason) => `A schedule of ${id} is unknown (${reason}); its runs are not counted.`,
    );
    return { c, creation, fn, read, borrowed, result: { ...result, notes: [...unknownSchedules, ...result.notes] } };
  });

  const demandsById = new Map<string, readonly Demand[]>(
    services.map((s) => [s.c.resource.logicalId, s.result.demands]),
  );
  const stack = priceDemands(demandsById, freeTier ? freeAllowances(prices.sheet) : new Map());
  const resources: ResourceCost[] = services.map(({ c, creation, fn, read, borrowed, result }) => {
    const id = c.resource.logicalId;
    const lineItems = stack.lineItemsById.get(id) ?? [];
    const resolved = usageById.get(id)!;
    const defaults = defaultsRead(read, resolved);
    for (const [otherId, keys] of borrowed)
      for (const key of defaultsRead(keys, usageById.get(otherId)!)) defaults.push(`${otherId}.${key}`);
    // Optional fields are added only when present (JSON output and deep equality leave them out); assigning them
    // keeps one object shape growing along one path, where conditional spreads made a new shape per combination.
    const cost: Mutable<ResourceCost> = {
      logicalId: id,
      type: c.resource.type,
      kind: c.kind,
      origin: c.resource.origin,
      span: c.resource.idSpan,
      monthlyUsd: lineItems.reduce((sum, li) => sum + li.usd, 0),
      lineItems,
      drivers: result.drivers,
      usage: resolved,
      notes: creation ? [`${capitalised(creation.summary)} (${creation.why}).`, ...result.notes] : result.notes,
      settings: result.settings,
      defaults,
    };
    if (c.resource.generatedBy) cost.generatedBy = c.resource.generatedBy;
    if (fn) cost.lambda = { memoryMb: fn.memoryMb, arch: fn.arch };
    if (creation) cost.creation = creation;
    const assumedPrices = lineItems.length > 0 ? assumedPricesOf(prices, c.kind) : undefined;
    if (assumedPrices) cost.assumedPrices = assumedPrices;
    return cost;
  });
  const notes = [...prices.notes];
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
    notPriced,
    subtotalMonthlyUsd: resources.reduce((sum, r) => sum + r.monthlyUsd, 0),
    freeTierCredits: stack.freeTierCredits,
    freeTierCreditUsd: stack.freeTierCredits.reduce((sum, credit) => sum + credit.creditUsd, 0),
    volumeDiscountUsd: stack.volumeDiscountUsd,
    totalMonthlyUsd: stack.totalUsd,
    notes,
  };
}

/** The usage keys a price read that were built-in defaults, in the order they were read. */
function defaultsRead(read: ReadonlySet<string>, usage: ResolvedUsage): string[] {
  const keys: string[] = [];
  for (const key of read) if (usage[key].builtInDefault) keys.push(key);
  return keys;
}

/**
 * Another resource's usage a pricer follows (a function's log group, its volume), recording the keys read into
 * `borrowed`: a figure that follows another resource's defaults is a guess too, named `<logicalId>.<key>`.
 */
function borrowedUsage(
  otherId: string,
  usageById: ReadonlyMap<string, ResolvedUsage>,
  kindById: ReadonlyMap<string, CostKind>,
  borrowed: Map<string, Set<string>>,
): ResolvedUsage | undefined {
  const other = usageById.get(otherId);
  const kind = kindById.get(otherId);
  if (!other || !kind) return other;
  const keys = borrowed.get(otherId) ?? new Set<string>();
  borrowed.set(otherId, keys);
  return recordingReads(other, kind, keys).usage;
}

/** A Region that cannot be priced: the report says why and prices nothing, rather than another Region's dollars. */
function refused(
  region: string,
  regionSource: string,
  freeTier: boolean,
  problem: string,
  data: PriceData,
): CostReport {
  return {
    region,
    regionName: region,
    regionSource,
    currency: 'USD',
    pricesAsOf: data.asOf,
    freeTier,
    regionProblem: problem,
    resources: [],
    notPriced: [],
    subtotalMonthlyUsd: 0,
    freeTierCredits: [],
    freeTierCreditUsd: 0,
    volumeDiscountUsd: 0,
    totalMonthlyUsd: 0,
    notes: [problem],
  };
}

/**
 * Why a function is not priced although its kind is: a memory size Lambda refuses (Lambda developer guide, "Lambda
 * quotas"). Functions on Lambda Managed Instances have other bounds and are priced as written.
 */
function invalidValue(view: FunctionView | undefined): string | undefined {
  const memory = view?.memorySize.value;
  if (!view || view.managedInstances || memory === undefined) return undefined;
  const { min, max } = LAMBDA_LIMITS.memoryMb;
  if (memory >= min && memory <= max) return undefined;
  return `MemorySize ${memory} MB is outside Lambda's ${min}–${formatInteger(max)} MB, so the function cannot deploy`;
}

/** "us-east-1's prices assumed for logs (none shipped for eu-south-1)": the services of a kind without figures here. */
function assumedPricesOf(prices: RegionPrices, kind: CostKind): string | undefined {
  if (prices.region === DEFAULT_REGION) return undefined;
  const assumed = SERVICES_OF_KIND[kind].filter((s) => !prices.regionalServices.includes(s));
  return assumed.length > 0
    ? `${DEFAULT_REGION}'s prices assumed for ${assumed.join(', ')} (none shipped for ${prices.region})`
    : undefined;
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
 * The permanent free tier of an account (aws.amazon.com/free): the 12-month offers are left out, new accounts get
 * credits instead.
 */
function freeAllowances(sheet: PriceSheet): Map<string, FreeAllowance> {
  return new Map([
    ['lambda-requests', { name: 'Lambda requests', quantity: sheet.lambda.freeTier.requests }],
    ['lambda-gb-seconds', { name: 'Lambda compute', quantity: sheet.lambda.freeTier.gbSeconds }],
    ['sqs-requests', { name: 'SQS requests', quantity: sheet.sqs.freeTier.requests }],
    ['sns-publishes', { name: 'SNS publishes', quantity: sheet.sns.freeTier.publishes }],
    [
      'sfn-transitions',
      { name: 'Step Functions state transitions', quantity: sheet.stepFunctions.freeTier.transitions },
    ],
    ['ddb-storage', { name: 'DynamoDB storage', quantity: sheet.dynamodb.freeTier.storageGb }],
    ['ddb-rcu', { name: 'DynamoDB read capacity', quantity: sheet.dynamodb.freeTier.rcu * HOURS_PER_MONTH }],
    ['ddb-wcu', { name: 'DynamoDB write capacity', quantity: sheet.dynamodb.freeTier.wcu * HOURS_PER_MONTH }],
    ['kms-requests', { name: 'KMS requests', quantity: sheet.kms.freeTier.requests }],
    ['cognito-maus', { name: 'Cognito monthly active users', quantity: sheet.cognito.freeTier.maus }],
    ['internet-out', { name: 'Data transfer out to the internet', quantity: sheet.dataTransfer.freeTier.gb }],
  ]);
}
