// Chart colours from the editor's theme: VS Code's chart palette variables, read when a chart is drawn.
import { Chart } from 'chart.js';

const PALETTE = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'];
const FALLBACK: Readonly<Record<string, string>> = {
  blue: '#1a85ff',
  orange: '#d18616',
  green: '#388a34',
  purple: '#652d90',
  red: '#e51400',
  yellow: '#bf8803',
};

function variable(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function chartColour(i: number): string {
  const name = PALETTE[i % PALETTE.length];
  return variable(`--vscode-charts-${name}`, FALLBACK[name]);
}

/** Text, grid lines and fonts as the editor draws its own charts. */
export function applyTheme(): void {
  Chart.defaults.color = variable('--vscode-charts-foreground', variable('--vscode-foreground', '#3b3b3b'));
  Chart.defaults.borderColor = variable('--vscode-charts-lines', 'rgba(128, 128, 128, 0.35)');
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 12;
}

/** Translucent shades for segments beyond the palette, so twelve line items stay apart. */
export function segmentColour(i: number): string {
  const base = chartColour(i);
  return i >= PALETTE.length && /^#[0-9a-f]{6}$/i.test(base) ? `${base}8c` : base;
}
