import type { CollabProviderState } from '@simashe/collab-client';
import { announced, connectionView } from './connection-status';

const state = (changes: Partial<CollabProviderState>): CollabProviderState => ({ status: 'online', unsaved: 0, access: 'edit', synced: true, error: null, ...changes });

describe('connectionView', () => {
  it('says online and saved, or saving with the count', () => {
    expect(connectionView(state({}), true)).toEqual({ kind: 'online', message: 'online', count: 0 });
    expect(connectionView(state({ unsaved: 3 }), true)).toEqual({ kind: 'online', message: 'saving', count: 3 });
  });

  it('says offline as soon as the browser knows it, before the connection notices (no "saving" meanwhile)', () => {
    expect(connectionView(state({ unsaved: 25 }), false)).toEqual({ kind: 'offline', message: 'offline', count: 25 });
    expect(connectionView(state({ status: 'offline', unsaved: 2 }), true)).toEqual({ kind: 'offline', message: 'offline', count: 2 });
    // Nothing waiting: said so, not "unsaved changes: 0".
    expect(connectionView(state({ status: 'offline' }), false)).toEqual({ kind: 'offline', message: 'offlineSaved', count: 0 });
  });

  it('says connecting, or reconnecting with what waits to be saved', () => {
    expect(connectionView(null, true)).toEqual({ kind: 'connecting', message: 'connecting', count: 0 });
    expect(connectionView(state({ status: 'connecting', unsaved: 4 }), true)).toEqual({ kind: 'connecting', message: 'reconnecting', count: 4 });
  });

  it('reads out going offline, connecting and coming back, not saving and saved, nor the count, while one types', () => {
    expect(announced('online', 'online')).toBe(false);
    expect(announced('offline', 'offline')).toBe(false);
    expect(announced('online', 'offline')).toBe(true);
    expect(announced('offline', 'online')).toBe(true);
    expect(announced('connecting', 'online')).toBe(true);
    expect(announced('offline', 'connecting')).toBe(true);
  });
});
