// The cost engine's public surface: pure functions of template, usage and prices.
export { estimateCost } from './estimate';
export type {
  Architecture,
  CostOptions,
  CostReport,
  FunctionOverride,
  NotPricedResource,
  ResourceCost,
} from './estimate';
export type { FreeTierCredit, LineItem } from './pricing';
export { formulaOf } from './pricing';
export { pricesFor, knownRegions, SHIPPED_PRICES, DEFAULT_REGION, tieredCost } from './prices';
export type { PriceData, PriceSheet, Tier, RegionPrices } from './prices';
export { parseUsageFile, EMPTY_USAGE, USAGE_FILE_PATH } from './usage-file';
export type { UsageFile, UsageProblem } from './usage-file';
export { costKindOf, USAGE_KEYS } from './kinds';
export type { CostKind } from './kinds';
export { formatUsd, formatUnitUsd, formatQuantity, compact } from './format';
export type { UsageFigure } from './wiring';
export {
  costJson,
  costTable,
  costMarkdown,
  costTooltipMarkdown,
  creditLine,
  lensText,
  lensTooltip,
  notPricedLensText,
  NOT_PRICED,
  totalLensText,
  totalLensTooltip,
} from './render';
export { regionProblem } from './region-check';
export type { CreationCondition, PricedSetting } from './settings';
export { settingLine } from './settings';
export { breakdownView } from './breakdown';
export type { BreakdownView } from './breakdown';
export { usageFileTemplate } from './usage-template';
export { whatIf, neighbouringMemorySizes, supportsArm64 } from './what-if';
export type { WhatIfRow } from './what-if';
export { memoryCurve, scaledDuration, DURATION_MODEL, ONE_VCPU_MB, CURVE_MEMORY_SIZES } from './curve';
export type { MemoryCurve, CurvePoint } from './curve';
export { costDiff, costDiffJson, costDiffMarkdown, costDiffTable } from './diff';
export type { CostDiff, CostDiffRow } from './diff';
export { usageProblemsFor } from './usage-check';
