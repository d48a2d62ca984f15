import { describe, expect, it } from 'vitest';
import { useTestStudio } from '../../../helpers/studio.ts';

describe('administrative areas', () => {
  const studio = useTestStudio();

  it('builds province → commune → cluster/board, with the district level optional', async () => {
    const province = await studio.call('area.create', { parentId: null, kind: 'province', name: 'Gia Lai' });
    const direct = await studio.call('area.create', { parentId: province.id, kind: 'commune', name: 'Xã Ia Grai' });
    const region = await studio.call('area.create', { parentId: province.id, kind: 'region', name: 'Khu vực phía Tây' });
    const underRegion = await studio.call('area.create', { parentId: region.id, kind: 'commune', name: 'Xã Ia Dom' });
    await studio.call('area.create', { parentId: direct.id, kind: 'cluster', name: 'Cụm loa làng Bò' });
    await studio.call('area.create', { parentId: underRegion.id, kind: 'board', name: 'Bảng LED UBND xã', code: 'P10-384x192' });
    expect((await studio.call('area.list', {})).length).toBe(6);
  });

  it('refuses a level in the wrong place', async () => {
    const province = await studio.call('area.create', { parentId: null, kind: 'province', name: 'Kon Tum' });
    await expect(studio.call('area.create', { parentId: null, kind: 'commune', name: 'Mồ côi' })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(studio.call('area.create', { parentId: province.id, kind: 'cluster', name: 'Cụm' })).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('renames, and deleting an area removes its children and un-targets bulletins', async () => {
    const province = await studio.call('area.create', { parentId: null, kind: 'province', name: 'Sơn La' });
    const commune = await studio.call('area.create', { parentId: province.id, kind: 'commune', name: 'Xã Chiềng Mung' });
    const cluster = await studio.call('area.create', { parentId: commune.id, kind: 'cluster', name: 'Cụm 1' });
    const bulletin = await studio.call('bulletin.create', { title: 'Tin', targetAreaIds: [cluster.id] });
    expect((await studio.call('area.update', { id: commune.id, name: 'Phường Chiềng Mung' })).name).toBe('Phường Chiềng Mung');
    await studio.call('area.delete', { id: commune.id });
    expect((await studio.call('area.list', {})).map((a) => a.name)).toEqual(['Sơn La']);
    expect((await studio.call('bulletin.get', { id: bulletin.id })).targetAreaIds).toEqual([]);
  });

  it('sorts areas in Vietnamese alphabetical order: Tỉnh Điện Biên before Tỉnh Yên Bái', async () => {
    for (const name of ['Tỉnh Yên Bái', 'Tỉnh Điện Biên', 'Tỉnh Đắk Lắk', 'Tỉnh Bắc Kạn', 'Tỉnh Ê Đê', 'Tỉnh Dak']) {
      await studio.call('area.create', { parentId: null, kind: 'province', name });
    }
    const names = (await studio.call('area.list', {})).filter((a) => a.parentId === null && a.name.startsWith('Tỉnh')).map((a) => a.name);
    expect(names).toEqual(['Tỉnh Bắc Kạn', 'Tỉnh Dak', 'Tỉnh Đắk Lắk', 'Tỉnh Điện Biên', 'Tỉnh Ê Đê', 'Tỉnh Yên Bái']);
  });
});
