import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DocumentAccessRegistry } from '@simashe/api-collaboration';
import { ChartEmbedRegistry } from '@simashe/api-reports';
import { SearchScopes } from '@simashe/api-search';
import { COLLAB_DOCUMENT_KINDS } from '@simashe/contracts';
import { CHART_EMBED_SOURCES } from '@simashe/editor';

/**
 * The domains plug into shared registries when they start: how access to each kind of real-time document is
 * decided, how each source of embedded charts is drawn, which meetings search may show someone. A missing one
 * would fail quietly (a document nobody may open, a blank chart, meetings never found), so the app refuses to start
 * without every one. Test apps that boot a few modules are not held to it: this check belongs to the whole app.
 */
@Injectable()
export class WiringCheck implements OnApplicationBootstrap {
  constructor(
    private readonly documents: DocumentAccessRegistry,
    private readonly charts: ChartEmbedRegistry,
    private readonly search: SearchScopes,
  ) {}

  onApplicationBootstrap(): void {
    const missing = [
      ...COLLAB_DOCUMENT_KINDS.filter((kind) => !this.documents.registeredKinds().includes(kind)).map((kind) => `who may open "${kind}" documents`),
      ...CHART_EMBED_SOURCES.filter((source) => !this.charts.registeredSources().includes(source)).map((source) => `how "${source}" charts are drawn`),
      ...(this.search.meetingsRegistered ? [] : ['which meetings search may show someone']),
    ];
    if (missing.length > 0) throw new Error(`The app is missing ${missing.join(', ')}: a module that provides it is not imported`);
  }
}
