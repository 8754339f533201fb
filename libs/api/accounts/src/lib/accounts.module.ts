import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ControlCharactersGuard } from '@simashe/api-core';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordResetRateLimiter } from './password-reset-rate-limiter';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { PasswordsController } from './passwords.controller';
import { PasswordsService } from './passwords.service';
import { SessionGuard } from './session.guard';
import { SessionEntity } from './session.entity';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

/**
 * People, passwords and sessions (sign-in, the person's list of sessions, password change and reset). Installs the
 * global session guard: routes are private by default.
 */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, PasswordResetTokenEntity])],
  controllers: [AuthController, SessionsController, PasswordsController],
  providers: [
    UsersService,
    SessionsService,
    AuthService,
    PasswordsService,
    LoginRateLimiter,
    PasswordResetRateLimiter,
    { provide: APP_GUARD, useClass: SessionGuard },
    // After the session guard (global guards run in the order they are provided): a refused control character
    // is then worded in the caller's profile language, which only the session tells.
    { provide: APP_GUARD, useClass: ControlCharactersGuard },
  ],
  exports: [UsersService, SessionsService],
})
export class AccountsModule {}
