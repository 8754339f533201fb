import { Module } from '@nestjs/common';
import { AccountsModule } from '@simashe/api-accounts';
import { DocumentAccessRegistry } from './access-registry';
import { CollaborationGateway } from './collaboration.gateway';
import { DocumentRooms } from './document-rooms';
import { DocumentStore } from './document-store';

@Module({
  imports: [AccountsModule],
  providers: [DocumentStore, DocumentRooms, DocumentAccessRegistry, CollaborationGateway],
  exports: [DocumentStore, DocumentAccessRegistry, DocumentRooms],
})
export class CollaborationModule {}
