// The memory/cost curve: monthly cost (left axis) and modelled duration (right axis) from 128 MB to
// 10,240 MB on a logarithmic memory axis, one cost line per architecture, the current setting marked.
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  SubTitle,
  Title,
  Tooltip,
} from 'chart.js';
import type { Plugin } from 'chart.js';
import type { CurvePoint, MemoryCurve } from '../../core/cost';
import { applyTheme, chartColour } from './theme';

Chart.register(
  LineController,
  ScatterController,
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  Legend,
  Tooltip,
  Title,
  SubTitle,
);

const MEMORY_TICKS = [128, 256, 512, 1024, 2048, 4096, 10240];
const ONE_VCPU_MB = 1769;

export interface PickedPoint {
  readonly memoryMb: number;
  readonly arch: string;
}

export function drawMemoryCurve(
  container: HTMLElement,
  title: string,
  curve: MemoryCurve,
  onPick: (p: PickedPoint) => void,
): Chart {
  applyTheme();
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${title}: monthly cost and duration by memory size`);
  container.replaceChildren(canvas);
  const archs = [...new Set(curve.points.map((p) => p.arch))];
  const xy = (points: readonly CurvePoint[], y: (p: CurvePoint) => number): { x: number; y: number }[] =>
    points.map((p) => ({ x: p.memoryMb, y: y(p) }));
  const byArch = (arch: string): CurvePoint[] => curve.points.filter((p) => p.arch === arch);
  const foreground = Chart.defaults.color as string;
  const costSets = archs.map((arch, i) => ({
    type: 'line' as const,
    label: `Cost, ${arch}`,
    data: xy(byArch(arch), (p) => p.monthlyUsd),
    yAxisID: 'usd',
    borderColor: chartColour(i),
    backgroundColor: chartColour(i),
    pointRadius: 2.5,
    pointHoverRadius: 6,
    borderWidth: 2,
    tension: 0,
  }));
  const durationSet = {
    type: 'line' as const,
    label: 'Duration (model)',
    data: xy(byArch(archs[0]), (p) => p.durationMs),
    yAxisID: 'ms',
    borderColor: chartColour(2),
    backgroundColor: chartColour(2),
    borderDash: [6, 4],
    pointRadius: 0,
    borderWidth: 1.5,
  };
  const currentSet = {
    type: 'scatter' as const,
    label: `Current: ${curve.current.memoryMb} MB ${curve.current.arch}`,
    data: [{ x: curve.current.memoryMb, y: curve.current.monthlyUsd }],
    yAxisID: 'usd',
    pointRadius: 8,
    pointHoverRadius: 9,
    pointStyle: 'rectRot' as const,
    borderColor: foreground,
    backgroundColor: chartColour(4),
    borderWidth: 2,
  };
  return new Chart(canvas, {
    type: 'line',
    data: { datasets: [currentSet, ...costSets, durationSet] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: {
          type: 'logarithmic',
          min: 128,
          max: 10240,
          title: { display: true, text: 'Memory (MB)' },
          afterBuildTicks: (axis) => {
            axis.ticks = MEMORY_TICKS.map((value) => ({ value }));
          },
          ticks: { callback: (v) => Number(v).toLocaleString('en-US') },
        },
        usd: {
          type: 'linear',
          position: 'left',
          beginAtZero: true,
          title: { display: true, text: 'USD per month' },
          ticks: { callback: (v) => `$${Number(v).toFixed(2)}` },
        },
        ms: {
          type: 'linear',
          position: 'right',
          beginAtZero: true,
          title: { display: true, text: 'Duration (ms)' },
          grid: { drawOnChartArea: false },
        },
      },
      plugins: {
        title: { display: true, text: title, font: { size: 14, weight: 'bold' } },
        subtitle: { display: true, text: `Duration model: ${curve.model}`, padding: { bottom: 10 } },
        legend: { position: 'bottom', labels: { boxWidth: 12, usePointStyle: true } },
        tooltip: {
          callbacks: {
            title: (items) => `${Number(items[0]?.parsed.x).toLocaleString('en-US')} MB`,
            label: (c) =>
              c.dataset.yAxisID === 'ms'
                ? `Duration: ${Math.round(Number(c.parsed.y))} ms`
                : `${c.dataset.label}: $${Number(c.parsed.y).toFixed(2)}/mo`,
            footer: () => 'Click to set MemorySize',
          },
        },
      },
      onClick: (_, elements, chart) => {
        const hit =
          elements.find((e) => chart.data.datasets[e.datasetIndex].yAxisID === 'usd' && e.datasetIndex > 0) ??
          elements[0];
        if (!hit) return;
        const set = chart.data.datasets[hit.datasetIndex];
        const point = set.data[hit.index] as { x: number };
        const arch = set.label?.replace(/^Cost, /, '') ?? curve.current.arch;
        onPick({ memoryMb: point.x, arch: archs.includes(arch as never) ? arch : curve.current.arch });
      },
    },
    plugins: [oneVcpuLine(foreground)],
  });
}

/** A dotted vertical line where the model stops gaining speed, labelled, so the bend explains itself. */
function oneVcpuLine(colour: string): Plugin<'line'> {
  return {
    id: 'oneVcpu',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x.getPixelForValue(ONE_VCPU_MB);
      ctx.save();
      ctx.strokeStyle = colour;
      ctx.globalAlpha = 0.6;
      ctx.setLineDash([2, 3]);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.fillStyle = colour;
      ctx.font = `11px ${Chart.defaults.font.family}`;
      ctx.fillText('1,769 MB = 1 vCPU', x + 4, chartArea.top + 12);
      ctx.restore();
    },
  };
}
