import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';

/**
 * The folder a package is written to: the USB stick when one is in, offered (once `wanted`) before
 * the user looks for it; otherwise empty until a folder is chosen with the picker.
 */
export function useStickFolder(wanted: boolean): [string, (folder: string) => void] {
  const [folder, setFolder] = useState('');
  useEffect(() => {
    if (!wanted || folder) return;
    api.call('files.places', {}).then((places) => {
      const stick = places.find((place) => place.kind === 'removable');
      if (stick) setFolder((current) => current || stick.path);
    }, () => undefined);
  }, [wanted, folder]);
  return [folder, setFolder];
}
