import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_ARGS } from './testing/api-process';

/** The scripts read apps/api/node-args.json; the two launchers that cannot read it must spell out the same flags. */
describe('the API’s V8 heap settings', () => {
  const root = join(__dirname, '../../..');
  const command = (text: string) => text.replace(/"/g, '').replace(/,\s*/g, ' ');

  it.each([
    ['the Dockerfile', 'apps/api/Dockerfile', (text: string) => command(/^CMD \[(.*)\]$/m.exec(text)?.[1] ?? '')],
    ['nx run api:serve', 'apps/api/project.json', (text: string) => JSON.parse(text).targets.serve.options.command as string],
  ])('are the ones %s starts the API with', (_name, file, commandIn) => {
    expect(commandIn(readFileSync(join(root, file), 'utf8'))).toBe(`node ${API_NODE_ARGS.join(' ')} dist/apps/api/apps/api/src/main.js`);
  });
});
