import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@simashe/api-organisations';
import { SearchModule } from '@simashe/api-search';
import { PublicResourcesController, ResourcesController } from './resources.controller';
import { ResourcesDemo } from './resources-demo';
import { ResourcesRepository } from './resources.repository';
import { ResourcesService } from './resources.service';

/** The knowledge hub's resource library: resources (files or links), their visibility, curated collections. */
@Module({
  imports: [OrganisationsModule, SearchModule],
  controllers: [ResourcesController, PublicResourcesController],
  providers: [ResourcesRepository, ResourcesService, ResourcesDemo],
  exports: [ResourcesService, ResourcesDemo],
})
export class ResourcesModule {}
