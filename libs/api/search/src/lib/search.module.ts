import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@simashe/api-organisations';
import { SearchScopes } from './search-scope';
import { SearchController } from './search.controller';
import { SearchIndexer } from './search-indexer';
import { SearchService } from './search.service';

/** Workspace-wide search; domains feed it through SearchIndexer and meetings register their visibility. */
@Module({
  imports: [OrganisationsModule],
  controllers: [SearchController],
  providers: [SearchScopes, SearchIndexer, SearchService],
  exports: [SearchScopes, SearchIndexer],
})
export class SearchModule {}
