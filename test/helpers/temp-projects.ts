import { afterAll } from 'vitest';
import { removeTempProjects } from './fixtures.ts';

// Set up for every test file (vitest.config.ts): the folders its tempProject() calls made are removed when it ends.
// A setup file, not a hook in fixtures.ts: where files share a process (vitest.config.ts: isolate: false), a
// module's top-level code runs for the first file that imports it only, and so would its hook.
afterAll(removeTempProjects);
