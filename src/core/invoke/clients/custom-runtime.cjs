'use strict';
// Starts a custom runtime's `bootstrap` (provided, provided.al2, provided.al2023) and stays beside it so that
// no process survives its parent: if the editor or CLI dies, the whole process group is killed.
const { spawn } = require('child_process');

const bootstrap = process.argv[2];
// The parent names itself: under load it may already be gone before this line runs.
const parent = Number(process.argv[3]) || process.ppid;
const orphaned = () => process.ppid !== parent;
if (orphaned()) process.exit(1);
const child = spawn(bootstrap, [], { stdio: 'inherit' });
child.on('error', (error) => {
  console.error(`Runtime.InvalidEntrypoint: cannot run ${bootstrap}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
setInterval(() => {
  if (orphaned()) process.kill(-process.pid, 'SIGKILL');
}, 250);
