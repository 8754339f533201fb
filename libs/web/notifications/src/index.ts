export * from './lib/notifications-bell';
export * from './lib/notifications.page';
