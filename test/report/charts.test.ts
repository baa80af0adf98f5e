import { describe, expect, it } from 'vitest';
import { barChart, columnChart, lineChart, paretoChart } from '../../report/charts/render.ts';
import { vocabulary } from '../../lib/vocabulary/index.ts';

const count = (svg: string, re: RegExp) => svg.match(re)?.length ?? 0;

describe('charts rendered at build time', () => {
  it('a column chart is one labelled SVG image with a bar and a value per label', () => {
    const svg = columnChart(
      [
        { label: '2025', value: 3 },
        { label: '2026', value: 7 },
      ],
      { label: 'Klachten per jaar', yLabel: 'klachten' },
    );
    expect(svg).toMatch(/^<svg[^>]* role="img"/);
    expect(svg).toContain('aria-label="Klachten per jaar"');
    expect(count(svg, /<rect /g)).toBe(2);
    expect(svg).toMatch(/>7<\/text>/);
    expect(svg).not.toContain('<script');
  });

  it('a bar chart in percent labels its values as percentages', () => {
    const svg = barChart([{ label: 'Klager gehoord', value: 0.5 }], { label: 'Stappen', xLabel: 'aandeel', percent: true });
    expect(svg).toContain('>50%</text>');
    expect(svg).toContain('Klager gehoord');
  });

  it('a Pareto chart has a bar per cause and the cumulative line', () => {
    const svg = paretoChart(
      [
        { label: 'Planning', count: 3, cumulative: 0.75, vital: true },
        { label: 'Informatie', count: 1, cumulative: 1, vital: true },
      ],
      { label: 'Oorzaken', total: 4 },
    );
    expect(count(svg, /<rect /g)).toBe(2);
    expect(svg).toMatch(/<path[^>]*d="M/);
    expect(svg).toContain('>75%<'); // the cumulative share written beside its dot
    expect(svg).toContain('>100%<');
    // one x-axis (the counts), not a second one on top for the cumulative share
    expect(count(svg, /aantal keer genoemd/g)).toBe(1);
    expect(svg).not.toContain('cumulatief aandeel');
    const plain = paretoChart([{ label: 'Planning', count: 3, cumulative: 0.75, vital: false }], {
      label: 'O',
      total: 4,
      cumulative: false,
    });
    expect(plain).not.toContain('>75%<');
    expect(count(plain, /<circle /g)).toBe(0); // no cumulative dots
    expect(count(svg, /<circle /g)).toBe(2);
  });

  it('a line chart leaves out periods without a value', () => {
    const svg = lineChart(
      [
        { label: 'K1 2026', value: 1 },
        { label: 'K2 2026', value: null },
        { label: 'K3 2026', value: 0.5 },
      ],
      { label: 'Trend', yLabel: 'tijdig', percent: true },
    );
    expect(count(svg, /<circle /g)).toBe(2);
  });
});

describe("the vocabulary's list", () => {
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a en b'],
    [['a', 'b', 'c'], 'a, b en c'],
  ])('%j → %s', (items, s) => expect(vocabulary('nl').list(items)).toBe(s));
});
