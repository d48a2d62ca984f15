import { describe, expect, it } from 'vitest';
import { createUpdateStateStore, nextUpdateState, type UpdateState } from '../../../../src/main/services/updates/index.ts';

const folder = { kind: 'folder', path: 'E:\\cap-nhat' } as const;

describe('update state', () => {
  it('walks idle → checking → available → downloading → ready → installing, backup first', () => {
    const store = createUpdateStateStore();
    const seen: string[] = [];
    store.subscribe((s) => seen.push(s.status));
    store.send({ type: 'check', source: folder });
    store.send({ type: 'found', version: '0.2.0', notes: 'Sửa lỗi' });
    store.send({ type: 'download' });
    expect(store.send({ type: 'progress', progress: { percent: 42.5, bytesPerSecond: 2_000_000, transferred: 42, total: 100 } })).toMatchObject({
      status: 'downloading',
      version: '0.2.0',
      progress: { percent: 42.5, bytesPerSecond: 2_000_000 },
    });
    store.send({ type: 'downloaded' });
    expect(() => store.send({ type: 'install' })).toThrow(expect.objectContaining({ code: 'invalid_transition', details: expect.objectContaining({ from: 'ready', event: 'install' }) }));
    store.send({ type: 'backed-up', backupPath: 'D:\\SaoLuu\\studio-backup-2026' });
    expect(store.send({ type: 'install' })).toEqual({ status: 'installing', version: '0.2.0', backupPath: 'D:\\SaoLuu\\studio-backup-2026' });
    expect(seen).toEqual(['checking', 'available', 'downloading', 'downloading', 'ready', 'ready', 'installing']);
  });

  it('goes back to available on cancel, and to up-to-date when nothing is newer', () => {
    let state: UpdateState = { status: 'idle' };
    state = nextUpdateState(state, { type: 'check', source: { kind: 'server', url: 'https://capnhat.tinh.gov.vn/studio/' } });
    expect(nextUpdateState(state, { type: 'none', version: '0.1.0' })).toEqual({ status: 'up-to-date', version: '0.1.0' });
    state = nextUpdateState(state, { type: 'found', version: '0.2.0', notes: null });
    state = nextUpdateState(state, { type: 'download' });
    expect(nextUpdateState(state, { type: 'cancel' })).toEqual({ status: 'available', version: '0.2.0', notes: null });
  });

  it('records an error with its version and allows a new check after it', () => {
    let state: UpdateState = { status: 'downloading', version: '0.2.0', notes: null, progress: { percent: 10, bytesPerSecond: 1, transferred: 1, total: 10 } };
    state = nextUpdateState(state, { type: 'failed', error: { code: 'update_file_altered', message: 'updates.sha512_mismatch' } });
    expect(state).toEqual({ status: 'error', version: '0.2.0', error: { code: 'update_file_altered', message: 'updates.sha512_mismatch' } });
    expect(nextUpdateState(state, { type: 'check', source: folder }).status).toBe('checking');
  });

  it('clamps progress and refuses steps out of order', () => {
    const downloading: UpdateState = { status: 'downloading', version: '1.0.0', notes: null, progress: { percent: 0, bytesPerSecond: 0, transferred: 0, total: 0 } };
    expect(nextUpdateState(downloading, { type: 'progress', progress: { percent: 130, bytesPerSecond: 0, transferred: 0, total: 0 } })).toMatchObject({ progress: { percent: 100 } });
    expect(nextUpdateState(downloading, { type: 'progress', progress: { percent: Number.NaN, bytesPerSecond: 0, transferred: 0, total: 0 } })).toMatchObject({ progress: { percent: 0 } });
    const idle: UpdateState = { status: 'idle' };
    for (const event of [{ type: 'download' }, { type: 'downloaded' }, { type: 'install' }, { type: 'found', version: '1.0.0', notes: null }] as const) {
      expect(() => nextUpdateState(idle, event)).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
    }
    expect(() => nextUpdateState(downloading, { type: 'check', source: folder })).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
  });
});
