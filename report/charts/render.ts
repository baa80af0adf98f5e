import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

// Charts are drawn once, at build time, by Observable Plot into a server-side DOM (linkedom): the page
// gets plain inline SVG and no JavaScript. Every chart sits in a <figure> with a title, a description
// and the same numbers as a table (Chart.astro), so the SVG itself is one labelled image.

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** Bar colours: the main series, and the rest (e.g. causes outside the Pareto "vital few"). */
export const COLORS = { main: '#24527a', muted: '#9fb6cc', line: '#b8470b', ink: '#1a1a1a' } as const;

/** One bar: a label and its value; `muted` draws it in the secondary colour. */
export interface Bar {
  label: string;
  value: number;
  muted?: boolean;
}

const FONT = { fontSize: '12px', fontFamily: 'inherit', color: COLORS.ink, background: 'transparent' };
/** Rough width of a label in 12px type (the server-side DOM cannot measure text). */
const textWidth = (s: string) => Math.ceil(s.length * 6.6);

/** The SVG markup of a plot, marked as one image named by the chart's title (the figure has the details). */
function toSvg(plot: Element, label: string): string {
  const svg = plot.tagName.toLowerCase() === 'svg' ? plot : plot.querySelector('svg')!;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('focusable', 'false');
  // Inner groups carry aria-label attributes Plot adds for screen readers; the figure's table says it better.
  for (const g of svg.querySelectorAll('[aria-label]')) if (g !== svg) g.removeAttribute('aria-label');
  for (const g of svg.querySelectorAll('[aria-hidden]')) g.removeAttribute('aria-hidden');
  // Plot writes font-variant="tabular-nums" on groups, which is no SVG attribute (the Nu checker refuses it): as CSS
  for (const g of svg.querySelectorAll('[font-variant]')) {
    const value = g.getAttribute('font-variant');
    g.removeAttribute('font-variant');
    const style = g.getAttribute('style');
    g.setAttribute('style', `${style ? `${style.replace(/;?\s*$/, '')}; ` : ''}font-variant-numeric: ${value}`);
  }
  return svg.outerHTML;
}

/** Vertical bars in the given order (years, months, buckets), each with its value above it. */
export function columnChart(bars: readonly Bar[], options: { label: string; yLabel: string; width?: number; height?: number }): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plot = Plot.plot({
    document,
    width: options.width ?? 640,
    height: options.height ?? 240,
    marginTop: 24,
    style: FONT,
    x: { domain: bars.map((b) => b.label), label: null, tickSize: 0, padding: 0.25 },
    y: {
      domain: [0, max * 1.15],
      label: options.yLabel,
      grid: true,
      ticks: Math.min(5, max),
      tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : ''),
    },
    marks: [
      Plot.barY(bars, { x: 'label', y: 'value', fill: (b: Bar) => (b.muted ? COLORS.muted : COLORS.main) }),
      Plot.text(bars, { x: 'label', y: 'value', text: (b: Bar) => String(b.value), dy: -8, fill: COLORS.ink }),
      Plot.ruleY([0]),
    ],
  });
  return toSvg(plot as unknown as Element, options.label);
}

/** Horizontal bars for long labels (outcomes, categories, steps); `percent` shows shares 0–100%. */
export function barChart(bars: readonly Bar[], options: { label: string; xLabel: string; percent?: boolean; width?: number }): string {
  const max = options.percent ? 1 : Math.max(1, ...bars.map((b) => b.value));
  const fmt = (v: number) => (options.percent ? `${Math.round(v * 100)}%` : String(v));
  const plot = Plot.plot({
    document,
    width: options.width ?? 640,
    height: 40 + bars.length * 30,
    marginLeft: Math.min(320, 12 + Math.max(...bars.map((b) => textWidth(b.label)))),
    marginRight: 48,
    style: FONT,
    y: { domain: bars.map((b) => b.label), label: null, tickSize: 0, padding: 0.2 },
    x: {
      domain: [0, max],
      label: options.xLabel,
      grid: true,
      ticks: options.percent ? 5 : Math.min(5, max),
      tickFormat: (d: number) => (options.percent ? fmt(d) : Number.isInteger(d) ? String(d) : ''),
    },
    marks: [
      Plot.barX(bars, { y: 'label', x: 'value', fill: (b: Bar) => (b.muted ? COLORS.muted : COLORS.main) }),
      Plot.text(bars, { y: 'label', x: 'value', text: (b: Bar) => fmt(b.value), dx: 6, textAnchor: 'start', fill: COLORS.ink }),
      Plot.ruleX([0]),
    ],
  });
  return toSvg(plot as unknown as Element, options.label);
}

/**
 * A Pareto chart, lying down: one bar per cause, largest first (the vital few in the main colour), and the
 * cumulative share as a line against the top axis (0–100% of all mentions).
 */
export function paretoChart(
  items: readonly { label: string; count: number; cumulative: number; vital: boolean }[],
  options: { label: string; total: number; width?: number; cumulative?: boolean },
): string {
  const max = Math.max(1, ...items.map((i) => i.count));
  // One axis only (counts). The cumulative share, when shown, is written beside its dots instead of on a second axis.
  const showCumulative = options.cumulative ?? true;
  const cum = items.map((i) => ({ label: i.label, x: i.cumulative * max, text: `${Math.round(i.cumulative * 100)}%` }));
  const plot = Plot.plot({
    document,
    width: options.width ?? 640,
    height: 60 + items.length * 30,
    marginTop: 10,
    marginLeft: Math.min(320, 12 + Math.max(...items.map((i) => textWidth(i.label)))),
    marginRight: 50,
    style: FONT,
    y: { domain: items.map((i) => i.label), label: null, tickSize: 0, padding: 0.2 },
    x: { domain: [0, max], label: null, axis: null },
    marks: [
      Plot.axisX({
        anchor: 'bottom',
        label: 'aantal keer genoemd',
        ticks: Math.min(5, max),
        tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : ''),
      }),
      Plot.barX(items, { y: 'label', x: 'count', fill: (i: { vital: boolean }) => (i.vital ? COLORS.main : COLORS.muted) }),
      ...(showCumulative
        ? [
            Plot.line(cum, { y: 'label', x: 'x', stroke: COLORS.line, strokeWidth: 2 }),
            Plot.dot(cum, { y: 'label', x: 'x', fill: COLORS.line, r: 3.5 }),
            Plot.text(cum, { y: 'label', x: 'x', text: 'text', dx: 8, textAnchor: 'start', fill: COLORS.line }),
          ]
        : []),
      Plot.ruleX([0]),
    ],
  });
  return toSvg(plot as unknown as Element, options.label);
}

/** A line over ordered periods (quarters); `null` values leave a gap. `percent`: values are shares 0–1. */
export function lineChart(
  points: readonly { label: string; value: number | null }[],
  options: { label: string; yLabel: string; percent?: boolean; width?: number; reference?: number },
): string {
  const fmt = (v: number) => (options.percent ? `${Math.round(v * 100)}%` : String(v));
  const max = options.percent ? 1 : Math.max(1, options.reference ?? 0, ...points.map((p) => p.value ?? 0));
  const every = Math.max(1, Math.ceil(points.length / 10));
  const shown = new Set(points.filter((_, i) => i % every === 0).map((p) => p.label));
  const defined = points.filter((p) => p.value !== null) as { label: string; value: number }[];
  const plot = Plot.plot({
    document,
    width: options.width ?? 640,
    height: 240,
    marginBottom: 36,
    marginLeft: 44,
    style: FONT,
    x: { type: 'point', domain: points.map((p) => p.label), label: null, tickFormat: (d: string) => (shown.has(d) ? d : ''), padding: 0.3 },
    y: { domain: [0, max * (options.percent ? 1 : 1.1)], label: options.yLabel, grid: true, ticks: 5, tickFormat: fmt },
    marks: [
      ...(options.reference !== undefined ? [Plot.ruleY([options.reference], { stroke: COLORS.line, strokeDasharray: '4 3' })] : []),
      Plot.line(points, { x: 'label', y: 'value', stroke: COLORS.main, strokeWidth: 2 }), // null values break the line
      Plot.dot(defined, { x: 'label', y: 'value', fill: COLORS.main, r: 3.5 }),
      Plot.ruleY([0]),
    ],
  });
  return toSvg(plot as unknown as Element, options.label);
}
