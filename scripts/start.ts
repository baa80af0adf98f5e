import { spawnSync } from 'node:child_process';

// The main job: validate the cases, show the deadline table, build the site(s). Each step is its own npm script.
const steps = ['validate', 'deadlines', 'build'];
for (const step of steps) {
  console.log(`\n> npm run ${step}`);
  const { status } = spawnSync('npm', ['run', '--silent', step], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
