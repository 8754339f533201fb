export * from './lib/accounts.module';
export * from './lib/users.service';
export * from './lib/sessions.service';
export * from './lib/user.entity';
export * from './lib/secret-token';
export * from './lib/socket-auth';
