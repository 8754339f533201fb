import { rmSync } from 'node:fs';

export default async function teardown() {
  const handle = globalThis.__SIMASHE_TEST_PG__;
  if (!handle) return;
  await handle.server.stop();
  rmSync(handle.dir, { recursive: true, force: true });
}
