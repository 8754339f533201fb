import { AccountsModule } from '@simashe/api-accounts';
import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@simashe/api-organisations';
import { AuditController } from './audit.controller';
import { AuditRecorder } from './audit.recorder';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** The audit log: records sign-ins, membership and access changes, report workflow, exports and restricted downloads from the event bus. */
@Module({
  imports: [AccountsModule, OrganisationsModule],
  controllers: [AuditController],
  providers: [AuditRepository, AuditRecorder, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
