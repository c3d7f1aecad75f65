// The cost engine's public surface: pure functions of template, usage and prices.
export { estimateCost } from './estimate';
export type { Architecture, CostOptions, CostReport, ResourceCost } from './estimate';
export type { LineItem } from './pricing';
export { formulaOf } from './pricing';
export { pricesFor, knownRegions, SHIPPED_PRICES, DEFAULT_REGION, tieredCost } from './prices';
export type { PriceData, PriceSheet, Tier, RegionPrices } from './prices';
export { parseUsageFile, EMPTY_USAGE, USAGE_FILE_PATH } from './usage-file';
export type { UsageFile, UsageProblem } from './usage-file';
export { costKindOf, USAGE_KEYS } from './kinds';
export type { CostKind } from './kinds';
export { formatUsd, formatUnitUsd, formatQuantity, compact } from './format';
export type { UsageFigure } from './wiring';
export { costJson, costTable, costMarkdown, lensText, totalLensText } from './render';
export { breakdownView, breakdownHtml } from './breakdown';
export type { BreakdownView } from './breakdown';
export { usageFileTemplate } from './usage-template';
export { whatIf, neighbouringMemorySizes, supportsArm64 } from './what-if';
export type { WhatIfRow } from './what-if';
