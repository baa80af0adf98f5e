import { afterAll, beforeAll, expect } from 'vitest';
import { currentLanguage } from '../../schemas/language.ts';

// Set up for every file of the projects whose files share their worker processes (vitest.config.ts: isolate:
// false). A file must leave the process as it found it, or the next file in the same process would run
// in what it left: this fails a file that changes the environment, the working folder, the message language,
// console or process listeners and does not restore them, and names what it left changed. (Globals a module sets
// when it loads, as zod's registry, are not counted: a module loads once per process, for whichever file needs it first.)
const EVENTS = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'uncaughtException', 'unhandledRejection', 'warning'] as const;
const CONSOLE = ['log', 'error', 'warn', 'info', 'debug'] as const;

// First in the setup files, so that its check runs last, after the other setup files' cleanups (Vitest runs
// afterAll hooks in reverse order); it takes the process's state in beforeAll, after the other setup files' code
// (which sets, e.g., LOCAL_TIME_PROBE_DIR) and before the file's own hooks.
let env: NodeJS.ProcessEnv = {};
let cwd = '';
let language = currentLanguage();
let listeners: number[] = [];
let consoleMethods: unknown[] = [];
beforeAll(() => {
  env = { ...process.env };
  cwd = process.cwd();
  language = currentLanguage();
  listeners = EVENTS.map((event) => process.listenerCount(event));
  consoleMethods = CONSOLE.map((name) => console[name]);
});

afterAll(() => {
  const left: string[] = [];
  for (const key of new Set([...Object.keys(env), ...Object.keys(process.env)]))
    if (process.env[key] !== env[key]) left.push(`process.env.${key}`);
  if (process.cwd() !== cwd) left.push(`the working folder (${process.cwd()})`);
  if (currentLanguage() !== language) left.push(`the message language (${currentLanguage()})`);
  EVENTS.forEach((event, i) => process.listenerCount(event) !== listeners[i] && left.push(`process listeners of '${event}'`));
  CONSOLE.forEach((name, i) => console[name] !== consoleMethods[i] && left.push(`console.${name}`));
  if (left.length)
    throw new Error(
      `${expect.getState().testPath} leaves its process changed, and test files share processes: ${left.join(', ')}. ` +
        'Restore it when the file ends (afterAll; vi.stubEnv and vi.unstubAllEnvs for the environment).',
    );
});
