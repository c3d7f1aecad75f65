// Messages and data of the cost chart pages (the breakdown's chart and the memory/cost curve). Types only.
import type { BreakdownView, MemoryCurve } from '../../core/cost';

export type ChartPageData =
  | { readonly kind: 'breakdown'; readonly view: BreakdownView }
  | { readonly kind: 'memory-curve'; readonly title: string; readonly curve: MemoryCurve };

export type FromChartPage =
  | { readonly type: 'setMemory'; readonly functionId: string; readonly memoryMb: number; readonly arch: string }
  | { readonly type: 'showMemoryCurve'; readonly functionId: string };

export type ToChartPage = { readonly type: 'data'; readonly data: ChartPageData };
