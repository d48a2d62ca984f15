import { describe, expect, it } from 'vitest';
import type { BulletinFields } from '../../../../src/shared/api/library-types.ts';
import { useTestStudio } from '../../../helpers/studio.ts';

describe('bulletins', () => {
  const studio = useTestStudio();

  async function someAreas() {
    const province = await studio.call('area.create', { parentId: null, kind: 'province', name: 'Lào Cai', code: '10' });
    const commune = await studio.call('area.create', { parentId: province.id, kind: 'commune', name: 'Xã Bát Xát' });
    const cluster = await studio.call('area.create', { parentId: commune.id, kind: 'cluster', name: 'Cụm loa thôn 3' });
    return [commune.id, cluster.id];
  }

  it('round-trips every field', async () => {
    const areaIds = await someAreas();
    const fields: BulletinFields = {
      title: 'Thông báo phòng chống rét đậm, rét hại',
      script: 'UBND xã Bát Xát đề nghị bà con che chắn chuồng trại cho trâu, bò.\n\nNhiệt độ có nơi dưới 5°C.',
      category: 'weather',
      language: 'hnj',
      author: 'Nguyễn Thị Lan',
      priority: 'emergency',
      targetAreaIds: areaIds,
      schedule: { kind: 'weekly', weekdays: [1, 3, 5], time: '06:30' },
      repeat: { count: 3, gapMinutes: 30 },
      audioAssetId: null,
    };
    const created = await studio.call('bulletin.create', fields);
    expect(created).toMatchObject({ ...fields, status: 'draft', approver: null, approvedAt: null, durationSec: null });
    expect(await studio.call('bulletin.get', { id: created.id })).toEqual(created);

    const once = { kind: 'once' as const, at: '2026-12-01T07:00:00' };
    const updated = await studio.call('bulletin.update', {
      id: created.id,
      changes: { schedule: once, priority: 'priority', language: 'vi', targetAreaIds: [areaIds[0]!] },
    });
    expect(updated).toMatchObject({ ...fields, schedule: once, priority: 'priority', language: 'vi', targetAreaIds: [areaIds[0]] });
    for (const schedule of [{ kind: 'now' as const }, { kind: 'daily' as const, time: '17:45' }]) {
      const saved = await studio.call('bulletin.update', { id: created.id, changes: { schedule } });
      expect(saved.schedule).toEqual(schedule);
    }
  });

  it('fills defaults for a bulletin created with a title only', async () => {
    const created = await studio.call('bulletin.create', { title: 'Tin ngắn' });
    expect(created).toMatchObject({
      script: '',
      category: 'other',
      language: 'vi',
      priority: 'normal',
      status: 'draft',
      schedule: { kind: 'now' },
      repeat: { count: 1, gapMinutes: 0 },
      targetAreaIds: [],
    });
  });

  it('moves through draft → submitted → approved → delivered, with a named approver', async () => {
    const { id } = await studio.call('bulletin.create', { title: 'Lịch tiêm chủng' });
    await expect(studio.call('bulletin.transition', { id, to: 'approved', approver: 'Trần Văn Minh' })).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    await studio.call('bulletin.transition', { id, to: 'submitted' });
    await expect(studio.call('bulletin.transition', { id, to: 'approved' })).rejects.toMatchObject({ code: 'invalid_argument' });
    const approved = await studio.call('bulletin.transition', { id, to: 'approved', approver: 'Trần Văn Minh' });
    expect(approved).toMatchObject({ status: 'approved', approver: 'Trần Văn Minh' });
    expect(approved.approvedAt).not.toBeNull();
    const delivered = await studio.call('bulletin.transition', { id, to: 'delivered' });
    expect(delivered).toMatchObject({ status: 'delivered', approver: 'Trần Văn Minh' });
    await expect(studio.call('bulletin.update', { id, changes: { title: 'Sửa' } })).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('sends an approved bulletin back to draft when its script changes', async () => {
    const { id } = await studio.call('bulletin.create', { title: 'Tin A', script: 'Nội dung cũ' });
    await studio.call('bulletin.transition', { id, to: 'submitted' });
    await studio.call('bulletin.transition', { id, to: 'approved', approver: 'Minh' });
    const priorityOnly = await studio.call('bulletin.update', { id, changes: { priority: 'priority' } });
    expect(priorityOnly.status).toBe('approved');
    const edited = await studio.call('bulletin.update', { id, changes: { script: 'Nội dung mới' } });
    expect(edited).toMatchObject({ status: 'draft', approver: null });
  });

  it('refuses unknown areas and assets without writing anything', async () => {
    await expect(studio.call('bulletin.create', { title: 'X', targetAreaIds: [999] })).rejects.toMatchObject({ code: 'not_found' });
    await expect(studio.call('bulletin.create', { title: 'X', audioAssetId: 5 })).rejects.toMatchObject({ code: 'not_found' });
    expect((await studio.call('bulletin.list', {})).total).toBe(0);
  });

  it('keeps an audit trail of who changed what and when', async () => {
    const { id } = await studio.call('bulletin.create', { title: 'Tin B', author: 'Lan' });
    await studio.call('bulletin.update', { id, changes: { title: 'Tin B (sửa)', category: 'health' } });
    await studio.call('bulletin.transition', { id, to: 'submitted' });
    await studio.call('bulletin.delete', { id });
    const trail = await studio.call('audit.list', { entity: 'bulletin', entityId: id });
    expect(trail.map((e) => e.action)).toEqual(['delete', 'transition', 'update', 'create']);
    expect(trail.every((e) => e.actor === 'tester' && !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(trail[2]!.changes).toEqual({ title: ['Tin B', 'Tin B (sửa)'], category: ['other', 'health'] });
    expect(trail[1]!.changes).toEqual({ status: ['draft', 'submitted'] });
  });
});
