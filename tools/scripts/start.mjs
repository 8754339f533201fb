// `npm start`: build API and web (cached by Nx when unchanged), then serve both on one port.
// Without DATABASE_URL the API starts an embedded PostgreSQL under .data/ with the demo workspace.
import { spawn } from 'node:child_process';
import { API_ENV, API_MAIN, API_NODE_ARGS, NX_ENV, runOrExit } from './run.mjs';

await runOrExit('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static']);

const api = spawn(process.execPath, [...API_NODE_ARGS, API_MAIN], { stdio: 'inherit', env: { ...NX_ENV, ...API_ENV } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code) => process.exit(code ?? 0));
