#!/usr/bin/env node
// `check`: exit 0 when dist/ is newer than every source file, 1 when a build is needed.
// `write`: record that dist/ was just built. Lets `npm start` and `npm run cli` build only when needed.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const sources = ['apps', 'libs', 'tsconfig.json', 'nest-cli.json', 'package-lock.json'];

function newestSource(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(full)
    .filter((name) => name !== 'node_modules' && name !== 'test')
    .reduce((newest, name) => Math.max(newest, newestSource(path.join(entry, name))), stat.mtimeMs);
}

if (process.argv[2] === 'write') {
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, new Date().toISOString() + '\n');
} else {
  if (!fs.existsSync(stamp)) process.exit(1);
  const built = fs.statSync(stamp).mtimeMs;
  process.exit(sources.some((entry) => newestSource(entry) > built) ? 1 : 0);
}
