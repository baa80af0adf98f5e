import { inject } from 'vitest';
import { CHROMIUM_ENDPOINT } from '../../io/chromium.ts';

// Set up for every end-to-end test file (vitest.config.ts): the PDFs its werkpleks and scripts make are printed in
// the Chromium the tests share (test/e2e/global-setup.ts), not in a browser each starts for itself. The launch
// itself is tested by the unit tests (test/io/chromium.test.ts and the scripts' tests), which do not set it.
process.env[CHROMIUM_ENDPOINT] = inject('browserEndpoint');
