import type { LedBoard } from '../../../shared/api/led.ts';

/** The boards as `<option>`s of a board picker: name and pixel size. */
export function BoardOptions({ boards }: { boards: LedBoard[] }) {
  return (
    <>
      {boards.map((b) => (
        <option key={b.id} value={b.id}>
          {b.name} ({b.width} × {b.height})
        </option>
      ))}
    </>
  );
}
