// The breakdown's chart: one horizontal bar per resource, stacked by line item, most expensive first.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { BreakdownView } from '../../core/cost';
import { lineItemSlot } from './line-item-colours';
import { applyTheme, segmentColour } from './theme';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const BAR_HEIGHT_PX = 26;
const CHROME_HEIGHT_PX = 90;

/** Line items of the same name (`Requests`, `Compute (arm64)`) are one series, coloured by their kind. */
export function stackedBars(view: BreakdownView): { labels: string[]; series: { name: string; values: number[] }[] } {
  const resources = [...view.resources].filter((r) => r.usd > 0).sort((a, b) => b.usd - a.usd);
  const names = [...new Set(resources.flatMap((r) => r.lineItems.filter((li) => li.usd > 0).map((li) => li.name)))];
  return {
    labels: resources.map((r) => r.logicalId),
    series: names.map((name) => ({
      name,
      values: resources.map((r) => r.lineItems.filter((li) => li.name === name).reduce((sum, li) => sum + li.usd, 0)),
    })),
  };
}

export function drawBreakdown(
  container: HTMLElement,
  view: BreakdownView,
  onResource: (logicalId: string) => void,
): Chart | undefined {
  const { labels, series } = stackedBars(view);
  if (labels.length === 0) {
    container.textContent = 'Nothing in this stack costs money at the usage assumed.';
    return undefined;
  }
  applyTheme();
  container.style.height = `${labels.length * BAR_HEIGHT_PX + CHROME_HEIGHT_PX + 18 * Math.ceil(series.length / 3)}px`;
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `Monthly cost by resource and line item: ${labels.join(', ')}`);
  container.replaceChildren(canvas);
  const usd = (v: number): string => `$${v < 0.01 && v > 0 ? v.toPrecision(2) : v.toFixed(2)}`;
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s) => ({
        label: s.name,
        data: s.values,
        backgroundColor: segmentColour(lineItemSlot(s.name)),
        borderWidth: 0,
        stack: 'cost',
      })),
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: {
          stacked: true,
          title: { display: true, text: 'USD per month' },
          ticks: { callback: (v) => usd(Number(v)) },
        },
        y: { stacked: true },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: {
          callbacks: { label: (c) => `${c.dataset.label}: ${usd(Number(c.raw))}` },
          filter: (c) => Number(c.raw) > 0,
        },
      },
      onClick: (_, elements) => {
        const hit = elements[0];
        if (hit) onResource(labels[hit.index]);
      },
    },
  });
}
