// The werkplek's html tag escapes every value unless it is markup made by html itself or wrapped in raw().
import { describe, expect, it } from 'vitest';
import { html, raw } from '../../werkplek/html.ts';

describe('html tagged template', () => {
  it.each([
    ['text', 'a<b>&"\'', 'a&lt;b&gt;&amp;&quot;&#39;'],
    ['a script tag', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['an attribute breakout', '" onmouseover="x', '&quot; onmouseover=&quot;x'],
    ['a number', 42, '42'],
    ['nothing', undefined, ''],
    ['null', null, ''],
    ['false (a condition not met)', false, ''],
  ])('escapes %s', (_, value, expected) => {
    expect(html`<p title="${value}">${value}</p>`.text).toBe(`<p title="${expected}">${expected}</p>`);
  });

  it('passes markup made by html, joins lists, and escapes each item of a list', () => {
    const items = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>`.text).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
    expect(html`${['<x>', html`<y>`]}`.text).toBe('&lt;x&gt;<y>');
  });

  it('passes only what raw() marks', () => {
    expect(html`${raw('<b>ok</b>')}`.text).toBe('<b>ok</b>');
    expect(String(html`<i>${'<b>'}</i>`)).toBe('<i>&lt;b&gt;</i>');
  });
});
