import { describe, expect, it } from 'vitest';
import { boardFrame, noticeFromBulletin } from '../../../src/shared/led';

const board = { width: 384, height: 192 };

describe('noticeFromBulletin', () => {
  it('makes an emergency bulletin a blinking red title, first in rotation, with its text below', () => {
    const draft = noticeFromBulletin(
      { title: 'Khẩn cấp: lũ quét', text: 'Người dân thôn 3 di chuyển lên điểm cao ngay.', priority: 'emergency' },
      board,
    );
    expect(draft.rotationRank).toBe(0);
    const [title, text] = draft.programme.areas;
    expect(title).toMatchObject({ kind: 'text', y: 0, height: 64 });
    expect(title?.kind === 'text' && title.pages[0]).toMatchObject({ effect: 'blink', colour: 'red', size: 32 });
    expect(text).toMatchObject({ kind: 'text', y: 64, height: 128 });
    expect(draft.fits.every((f) => f.mode === 'fit')).toBe(true);
    const lit = boardFrame(draft.programme, 0);
    const dark = boardFrame(draft.programme, 500); // the title's blink-off half
    expect(lit.data.subarray(0, 384 * 64).includes(1)).toBe(true);
    expect(dark.data.subarray(0, 384 * 64).includes(1)).toBe(false);
    expect(Buffer.from(dark.data.subarray(384 * 64)).equals(Buffer.from(lit.data.subarray(384 * 64)))).toBe(true);
  });

  it('ranks priority and normal bulletins after emergencies, in their colours, steady', () => {
    const priority = noticeFromBulletin({ title: 'Lịch tiêm chủng', text: '', priority: 'priority' }, board);
    const normal = noticeFromBulletin({ title: 'Lịch tiêm chủng', text: '', priority: 'normal' }, board);
    expect([priority.rotationRank, normal.rotationRank]).toEqual([1, 2]);
    expect(priority.programme.areas).toHaveLength(1);
    const page = (d: typeof priority) => (d.programme.areas[0]?.kind === 'text' ? d.programme.areas[0].pages[0] : undefined);
    expect(page(priority)).toMatchObject({ colour: 'yellow', effect: 'static' });
    expect(page(normal)).toMatchObject({ colour: 'green', effect: 'static' });
  });

  it('scrolls a text too long for a small board and passes on the warning', () => {
    const draft = noticeFromBulletin(
      { title: 'Thông báo', text: 'Ủy ban nhân dân xã thông báo lịch cắt điện toàn xã từ 7 giờ đến 17 giờ ngày thứ bảy tuần này để sửa chữa đường dây.', priority: 'normal' },
      { width: 64, height: 32 },
    );
    const text = draft.programme.areas[1];
    expect(text?.kind === 'text' && text.pages[0]?.effect).toBe('scroll-left');
    expect(draft.fits[1]).toMatchObject({ mode: 'scroll', warning: { code: 'scroll_longer_than_stay' } });
  });
});
