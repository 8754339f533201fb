import { Module } from '@nestjs/common';
import { AccountsModule } from '@simashe/api-accounts';
import { DocumentAccessRegistry } from './access-registry';
import { CollaborationGateway } from './collaboration.gateway';
import { DocumentRelay } from './document-relay';
import { DocumentRooms } from './document-rooms';
import { DocumentStore } from './document-store';
import { VersionsService } from './versions.service';

@Module({
  imports: [AccountsModule],
  providers: [DocumentStore, DocumentRelay, DocumentRooms, DocumentAccessRegistry, VersionsService, CollaborationGateway],
  exports: [DocumentStore, DocumentAccessRegistry, DocumentRooms, VersionsService],
})
export class CollaborationModule {}
