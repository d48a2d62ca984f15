import { useEffect, useState } from 'react';

/** The screen's address lives in the hash (#/programmes/3): it works under file-like protocols too. */
export interface Location {
  path: string;
  param: string | undefined;
}

export function parseHash(hash: string): Location {
  const [path = '', param] = hash.replace(/^#\/?/, '').split('/');
  return { path: path || 'library', param: param || undefined };
}

export function navigate(path: string, param?: string | number): void {
  location.hash = `#/${path}${param === undefined ? '' : `/${param}`}`;
}

export function useLocation(): Location {
  const [current, setCurrent] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => setCurrent(parseHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return current;
}
