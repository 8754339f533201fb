export * from './lib/session';
export * from './lib/require-session';
export * from './lib/sign-in.page';
export * from './lib/accept-invitation.page';
export * from './lib/profile.page';
