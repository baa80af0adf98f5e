// Preloaded with `node --import` by the npm scripts: Node keeps the compiled (and type-stripped) code of
// the modules in node_modules/.cache/node-compile, so a command starts in about half the time.
// Portable: an entry is found by its file's path relative to that folder, so a copy of the project whose
// node_modules is a link to this one (the site tests' copies) uses the same entries instead of adding its own.
import { enableCompileCache } from 'node:module';

enableCompileCache({ directory: new URL('../node_modules/.cache/node-compile', import.meta.url).pathname, portable: true });
