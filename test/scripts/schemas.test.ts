import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from '../../lib/cases/json-schemas.ts';
import { ROOT } from '../helpers/temp-project.ts';

describe('JSON Schema files for editors', () => {
  const files = jsonSchemaFiles();

  it.each(Object.keys(files))('%s is up to date with the zod schema (run npm run schemas if not)', (path) => {
    expect(readFileSync(join(ROOT, path), 'utf8')).toBe(files[path]);
  });

  it('carry the Dutch field descriptions', () => {
    const c = JSON.parse(files['schemas/case.schema.json']!);
    expect(c.properties.received.description).toBe('Datum waarop de klacht is ontvangen: dag 0 van de afhandeltermijn.');
    expect(c.properties.complainant.properties.representative.description).toContain('vertegenwoordiger');
    expect(c.properties.status.enum).toEqual(['open', 'resolved', 'escalated', 'withdrawn']);
    expect(c.required).toEqual(expect.arrayContaining(['id', 'organizer', 'received', 'status', 'channel', 'categories']));
    expect(c.required).not.toContain('steps'); // has a default: optional to write
    const o = JSON.parse(files['schemas/organization.schema.json']!);
    expect(o.properties.retention.properties.years_after_closing.description).toContain('persoonsgegevens');
  });

  it('npm run schemas -- --check fails on a stale file and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'schemas-'));
    try {
      cpSync(join(ROOT, 'schemas'), join(dir, 'schemas'), { recursive: true });
      writeFileSync(join(dir, 'schemas/case.schema.json'), '{}\n');
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts/schemas.ts'), '--check'], { cwd: dir, encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('schemas/case.schema.json is out of date: run npm run schemas');
      expect(readFileSync(join(dir, 'schemas/case.schema.json'), 'utf8')).toBe('{}\n');
      const w = spawnSync(process.execPath, [join(ROOT, 'scripts/schemas.ts')], { cwd: dir, encoding: 'utf8' });
      expect(w.status).toBe(0);
      expect(readFileSync(join(dir, 'schemas/case.schema.json'), 'utf8')).toBe(files['schemas/case.schema.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
