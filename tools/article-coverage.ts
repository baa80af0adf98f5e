// Dev tool: which of the regulation's 26 articles (rules 1.1–6.2) the tests name, and in how many test files.
// Usage: ./node_modules/.bin/node tools/article-coverage.ts
// Counts a rule as covered when a test file under test/ names it: "art. 4.1", "artikel 5.4 en 6.2",
// "art. 1.5, 4.5", "art. 5.1–5.3" (a range names every rule in it), "articles 5.4 and 6.2" or the anchor "artikel-4-1".
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REGULATION_FILES } from '../lib/regulation/regulation.ts';
import { rulesOf, splitArticles } from '../lib/regulation/articles.ts';

const ROOT = join(import.meta.dirname, '..');
const reg = splitArticles(readFileSync(join(ROOT, REGULATION_FILES.nl), 'utf8'));
const rules = reg.articles.flatMap((a) => rulesOf(a).map((r) => `${a.number}.${r.number}`));
const files = (readdirSync(join(ROOT, 'test'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
const covered = new Map<string, Set<string>>(rules.map((r) => [r, new Set()]));
const LIST = /\b(?:art\.|artikel|article|articles)\s+((?:\d+\.\d+(?:\s*[–-]\s*\d+\.\d+)?(?:\s*(?:,|en|and)\s*)?)+)/gi;
for (const f of files) {
  const text = readFileSync(join(ROOT, 'test', f), 'utf8');
  const named = new Set<string>();
  for (const m of text.matchAll(LIST))
    for (const part of m[1]!.matchAll(/(\d+)\.(\d+)(?:\s*[–-]\s*(\d+)\.(\d+))?/g)) {
      const [a, from, , to] = [+part[1]!, +part[2]!, part[3], part[4] === undefined ? +part[2]! : +part[4]];
      for (let r = from; r <= to; r++) named.add(`${a}.${r}`);
    }
  for (const m of text.matchAll(/artikel-(\d+)-(\d+)/g)) named.add(`${m[1]}.${m[2]}`);
  for (const r of named) covered.get(r)?.add(f);
}
console.log('| rule | test files | e.g. |\n|---|---|---|');
for (const [r, fs] of covered) console.log(`| ${r} | ${fs.size} | ${[...fs][0] ?? '**none**'} |`);
const n = [...covered.values()].filter((s) => s.size > 0).length;
console.log(`\n${n} of ${rules.length} rules named by at least one test file`);
