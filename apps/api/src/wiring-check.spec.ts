import type { DocumentAccessRegistry } from '@simashe/api-collaboration';
import type { ChartEmbedRegistry } from '@simashe/api-reports';
import type { SearchScopes } from '@simashe/api-search';
import { WiringCheck } from './wiring-check';

describe('WiringCheck', () => {
  const check = (kinds: string[], sources: string[], meetings: boolean) =>
    new WiringCheck(
      { registeredKinds: () => kinds } as unknown as DocumentAccessRegistry,
      { registeredSources: () => sources } as unknown as ChartEmbedRegistry,
      { meetingsRegistered: meetings } as unknown as SearchScopes,
    );

  it('lets the app start only when every document kind, chart source and the meetings scope are provided', () => {
    expect(() => check(['report', 'meeting_minutes', 'publication'], ['measure', 'monitoring'], true).onApplicationBootstrap()).not.toThrow();
    expect(() => check(['report', 'publication'], ['measure', 'monitoring'], true).onApplicationBootstrap()).toThrow('The app is missing who may open "meeting_minutes" documents');
    expect(() => check(['report', 'meeting_minutes'], ['measure', 'monitoring'], true).onApplicationBootstrap()).toThrow('The app is missing who may open "publication" documents');
    expect(() => check(['report', 'meeting_minutes', 'publication'], ['measure'], false).onApplicationBootstrap()).toThrow('The app is missing how "monitoring" charts are drawn, which meetings search may show someone');
  });
});
