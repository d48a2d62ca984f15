import { Fragment, type ReactNode } from 'react';

/** Text with the search's matches marked (`ranges` as [start, end) character offsets, in order). */
export function Highlighted({ text, ranges = [] }: { text: string; ranges?: [number, number][] }) {
  if (ranges.length === 0) return <>{text}</>;
  const pieces: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start < at || end > text.length) return;
    pieces.push(<Fragment key={`t${i}`}>{text.slice(at, start)}</Fragment>, <mark key={`m${i}`}>{text.slice(start, end)}</mark>);
    at = end;
  });
  pieces.push(<Fragment key="rest">{text.slice(at)}</Fragment>);
  return <>{pieces}</>;
}
