import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_ENV, API_NODE_ARGS } from './testing/api-process';

/**
 * The scripts read apps/api/node-args.json and apps/api/malloc-env.json; the two launchers that cannot read them
 * must spell out the same flags and environment.
 */
describe('the API’s V8 heap and malloc settings', () => {
  const root = join(__dirname, '../../..');
  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  const command = (text: string) => text.replace(/"/g, '').replace(/,\s*/g, ' ');
  const environment = Object.entries(API_ENV).map(([name, value]) => `${name}=${value}`);

  it('set the malloc arenas and thresholds', () => {
    expect(Object.keys(API_ENV).sort()).toEqual(['MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_', 'MALLOC_TRIM_THRESHOLD_']);
  });

  it('are the ones the Dockerfile starts the API with', () => {
    const dockerfile = read('apps/api/Dockerfile');
    expect(command(/^CMD \[(.*)\]$/m.exec(dockerfile)?.[1] ?? '')).toBe(`node ${API_NODE_ARGS.join(' ')} dist/apps/api/apps/api/src/main.js`);
    expect(/^ENV (MALLOC_.*)$/m.exec(dockerfile)?.[1]?.split(' ')).toEqual(environment);
  });

  it('are the ones nx run api:serve starts the API with', () => {
    const serve = JSON.parse(read('apps/api/project.json')).targets.serve.options.command as string;
    expect(serve).toBe(`${environment.join(' ')} node ${API_NODE_ARGS.join(' ')} dist/apps/api/apps/api/src/main.js`);
  });
});
