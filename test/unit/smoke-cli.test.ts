import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';

describe('npm run validate on the example cases', () => {
  it('exits 0', () => {
    const out = execFileSync('node', ['scripts/validate.ts'], { encoding: 'utf8' });
    expect(out).toMatch(/0 error\(s\)/);
  });
});
