export * from './lib/session';
export * from './lib/require-session';
export * from './lib/sign-in.page';
export * from './lib/accept-invitation.page';
export * from './lib/profile.page';
export * from './lib/forgot-password.page';
export * from './lib/reset-password.page';
export * from './lib/account-security';
