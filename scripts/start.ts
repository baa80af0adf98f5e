import { spawnSync } from 'node:child_process';

// The main job: validate the cases, then show the deadline table. Each step is its own npm script.
const steps = ['validate', 'deadlines'];
for (const step of steps) {
  console.log(`\n> npm run ${step}`);
  const { status } = spawnSync('npm', ['run', '--silent', step], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
