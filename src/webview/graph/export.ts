// Export of the picture as a stand-alone SVG (colours resolved from the theme, icons inline) and as PNG.

/** Presentation properties copied from the live page, where they come from VS Code's CSS variables. */
const STYLE_PROPERTIES = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
];

/** The whole graph (not just what the viewport shows) as SVG text that renders the same outside the editor. */
export function exportSvg(live: SVGSVGElement, content: SVGGElement, background: string): string {
  const box = content.getBBox();
  const margin = 16;
  const clone = live.cloneNode(true) as SVGSVGElement;
  inlineStyles(live, clone);
  const width = Math.ceil(box.width + 2 * margin);
  const height = Math.ceil(box.height + 2 * margin);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `${box.x - margin} ${box.y - margin} ${width} ${height}`);
  clone.removeAttribute('class');
  clone.querySelector('.viewport')?.removeAttribute('transform');
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of Object.entries({ x: box.x - margin, y: box.y - margin, width, height, fill: background }))
    rect.setAttribute(k, String(v));
  clone.insertBefore(rect, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** PNG at twice the size, for crisp pictures in documents. */
export async function exportPng(svgText: string): Promise<string> {
  const image = new Image();
  const loaded = new Promise((resolve, reject) => {
    image.onload = resolve;
    image.onerror = () => reject(new Error('the SVG could not be drawn'));
  });
  image.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svgText)))}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = image.width * 2;
  canvas.height = image.height * 2;
  const context = canvas.getContext('2d')!;
  context.scale(2, 2);
  context.drawImage(image, 0, 0);
  return canvas.toDataURL('image/png');
}

function inlineStyles(live: Element, clone: Element): void {
  const computed = getComputedStyle(live);
  const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  clone.setAttribute('style', style);
  for (let i = 0; i < live.children.length; i++) inlineStyles(live.children[i], clone.children[i]);
}
