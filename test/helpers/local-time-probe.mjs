// Records every use of the local time zone: the JavaScript calls whose result depends on TZ (a Date's local
// fields and strings, `new Date(y, m, …)`, a date-time text without an offset, Intl without a timeZone).
// vitest.config.ts runs the unit tests that make no such call once, under one time zone, with this probe in
// their process (test/helpers/local-time-guard.ts) and, through NODE_OPTIONS, in every Node process they
// start: a test file that makes such a call fails and says to list it among the files run under every zone.
// A call made while TZ is set to another zone than the process started with (io/today.ts sets the
// organization's zone for a moment) does not depend on the machine's zone and is not recorded.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const AMBIENT = process.env.TZ;
const HERE = fileURLToPath(import.meta.url);
const KEY = Symbol.for('klachtenregeling.localTimeUses');
const installed = KEY in globalThis; // a process that runs several test files loads this more than once
/** `what (where)` of each use, for the whole process. */
const uses = (globalThis[KEY] ??= new Map());

/**
 * Callers whose use of the local zone cannot reach a result: each reads it once when its module loads or
 * starts, for something the project never uses.
 */
const HARMLESS = [
  /node_modules\/yazl\//, // the zip writer bundled in playwright-core: a date constant at load (no zip is written)
  /node_modules\/d3-dsv\//, // a feature test at load, for autoType, which Plot's charts do not use
  /node_modules\/@tktco\/node-actionlint\/wasm_exec\.js/, // the Go runtime of actionlint reads the zone as it starts
];

/** Record `what` with its first caller outside this file (up to 20 pairs), unless TZ is set to another zone just now. */
function record(what) {
  if (process.env.TZ !== AMBIENT || uses.size >= 20) return;
  const frame = (new Error().stack ?? '')
    .split('\n')
    .slice(1)
    .find((line) => !line.includes(HERE) && !line.includes('node:internal'));
  const where = (frame ?? '').trim().replace(/^at /, '');
  if (!HARMLESS.some((pattern) => pattern.test(where))) uses.set(`${what} (${where})`, true);
}

if (!installed) install();

function install() {
  const LOCAL = [
    'getFullYear',
    'getYear',
    'getMonth',
    'getDate',
    'getDay',
    'getHours',
    'getMinutes',
    'getSeconds',
    'getTimezoneOffset',
    'setFullYear',
    'setYear',
    'setMonth',
    'setDate',
    'setHours',
    'setMinutes',
    'setSeconds',
    'toString',
    'toDateString',
    'toTimeString',
  ];
  for (const name of LOCAL) {
    const original = Date.prototype[name];
    if (typeof original !== 'function') continue;
    Object.defineProperty(Date.prototype, name, {
      ...Object.getOwnPropertyDescriptor(Date.prototype, name),
      value: {
        [name](...args) {
          record(`Date#${name}`);
          return original.apply(this, args);
        },
      }[name],
    });
  }
  const zoneless = (options) => !(options && typeof options === 'object' && options.timeZone);
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
    const original = Date.prototype[name];
    Object.defineProperty(Date.prototype, name, {
      ...Object.getOwnPropertyDescriptor(Date.prototype, name),
      value: {
        [name](locales, options) {
          if (zoneless(options)) record(`Date#${name} without timeZone`);
          return original.call(this, locales, options);
        },
      }[name],
    });
  }

  /** A date-time text that Date reads as local time: not a bare ISO date (UTC), and without Z, an offset, GMT or UTC. */
  const localText = (s) =>
    typeof s === 'string' && !/^[+-]?\d{4,6}(-\d\d(-\d\d)?)?$/.test(s.trim()) && !/(Z|[+-]\d\d:?\d\d|GMT|UTC)\s*(\(.*\))?$/i.test(s.trim());
  const NativeDate = Date;
  const parse = NativeDate.parse;
  NativeDate.parse = function parse_(s) {
    if (localText(s)) record('Date.parse of a text without offset');
    return parse.call(NativeDate, s);
  };
  globalThis.Date = new Proxy(NativeDate, {
    construct(target, args, newTarget) {
      if (args.length >= 2) record('new Date(year, month, …)');
      else if (localText(args[0])) record('new Date(text without offset)');
      return Reflect.construct(target, args, newTarget === globalThis.Date ? target : newTarget);
    },
    apply(target, self, args) {
      record('Date() as a function');
      return Reflect.apply(target, self, args);
    },
  });

  const NativeFormat = Intl.DateTimeFormat;
  Intl.DateTimeFormat = new Proxy(NativeFormat, {
    construct(target, args, newTarget) {
      if (zoneless(args[1])) record('Intl.DateTimeFormat without timeZone');
      return Reflect.construct(target, args, newTarget === Intl.DateTimeFormat ? target : newTarget);
    },
    apply(target, self, args) {
      if (zoneless(args[1])) record('Intl.DateTimeFormat without timeZone');
      return Reflect.apply(target, self, args);
    },
  });

  // In a process a test started (NODE_OPTIONS=--import this file): hand the uses to the test, one file per process.
  const dir = process.env.LOCAL_TIME_PROBE_DIR;
  if (dir)
    process.on('exit', () => {
      if (uses.size)
        writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify([process.argv.slice(1).join(' '), takeLocalTimeUses()]));
    });
}

/** The uses recorded in this process since the last call, as `what (where)`; forgets them. */
export function takeLocalTimeUses() {
  const list = [...uses.keys()];
  uses.clear();
  return list;
}
