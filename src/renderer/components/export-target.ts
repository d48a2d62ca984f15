/**
 * Where an export goes: a folder chosen with the picker (defaulting to the USB stick when one is in,
 * else Documents; never the data folder, where an export would be lost among the studio's own
 * files) and a file name the user may change. Shared by the editor's and the programme's exports.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';

/** A file name from a title: without its extension, and without the characters Windows refuses (a recording's name holds a time with colons). */
export function fileNameFrom(name: string, fallback: string): string {
  return name.replace(/\.[a-z0-9]+$/i, '').replace(/[\\/:*?"<>|]+/g, '-').trim() || fallback;
}

export function useExportTarget(name: string, fallback: string) {
  const [folder, setFolder] = useState('');
  const [fileName, setFileName] = useState(fileNameFrom(name, fallback));
  useEffect(() => {
    api.call('files.defaultFolder', { purpose: 'export' }).then(({ path }) => setFolder((f) => f || path), () => undefined);
  }, []);
  const outPath = (format: string) => `${folder.replace(/[\\/]+$/, '')}/${fileName}.${format}`;
  return { folder, setFolder, fileName, setFileName, outPath };
}
