import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { SessionGuard } from './session.guard';
import { SessionEntity } from './session.entity';
import { SessionsService } from './sessions.service';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

/** People, passwords and sessions. Installs the global session guard: routes are private by default. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity])],
  controllers: [AuthController],
  providers: [UsersService, SessionsService, AuthService, LoginRateLimiter, { provide: APP_GUARD, useClass: SessionGuard }],
  exports: [UsersService, SessionsService],
})
export class AccountsModule {}
