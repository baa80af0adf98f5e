import { afterAll, beforeAll, vi } from 'vitest';
import { setLanguage, type Language } from '../../schemas/language.ts';

/**
 * Make the messages of this test file come in `language`: in this process (lib/ and schemas/) and in the
 * scripts it starts (KLACHTEN_LANG). Dutch is the default; files that check the developers' English text call
 * `messagesIn('en')` at their top level.
 */
export function messagesIn(language: Language): void {
  beforeAll(() => {
    setLanguage(language);
    vi.stubEnv('KLACHTEN_LANG', language);
  });
  afterAll(() => {
    setLanguage('nl');
    vi.unstubAllEnvs();
  });
}
