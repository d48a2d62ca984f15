/**
 * Browser mode's folder dialog, served by the host: removable drives first, the user's folders,
 * then the folder being looked at with its subfolders. Only folders are shown; "Thư mục mới" makes
 * one inside the folder being looked at and opens it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilePurpose, FolderListing, FolderPurpose, Place } from '../../shared/api/files.ts';
import type { ApiError } from '../api/client.ts';
import { createFolder, listFolder } from '../api/files.ts';
import { toApiError } from '../api/hooks.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

export function FolderChooser({ purpose, start, onChoose, onCancel }: { purpose: FolderPurpose | FilePurpose; start?: string; onChoose: (path: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // The new folder's name while it is being typed; null when the field is closed.
  const [newName, setNewName] = useState<string | null>(null);

  const go = (path?: string) => {
    setError(null);
    listFolder(purpose, path).then(setListing, (caught: unknown) => setError(toApiError(caught)));
  };
  const create = () => {
    if (!listing || newName === null) return;
    setError(null);
    createFolder(purpose, listing.path, newName).then(
      (made) => (setListing(made), setNewName(null)),
      (caught: unknown) => setError(toApiError(caught)),
    );
  };
  // The last folder chosen may be gone (a USB stick pulled out): then open where a new choice starts.
  useEffect(() => {
    listFolder(purpose, start).then(setListing, (caught: unknown) => (start ? go() : setError(toApiError(caught))));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const placeName = (place: Place) => (place.kind === 'removable' ? t('picker.place.removable', { name: place.name }) : place.kind === 'drive' ? t('picker.place.drive', { name: place.name }) : t(`picker.place.${place.kind}`));

  return (
    <div className="picker-overlay" role="presentation" onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <div className="picker-dialog card" role="dialog" aria-modal="true" aria-label={t('picker.folderTitle')} data-testid="folder-chooser">
        <h3>{t('picker.folderTitle')}</h3>
        <div className="picker-columns">
          <ul className="picker-places" data-testid="folder-places">
            {listing?.places.map((place) => (
              <li key={place.path}>
                <button type="button" className={`link ${place.kind === 'removable' ? 'picker-usb' : ''} ${listing.path === place.path ? 'picker-here' : ''}`} onClick={() => go(place.path)} data-place-kind={place.kind}>
                  {placeName(place)}
                </button>
              </li>
            ))}
          </ul>
          <div className="picker-folders">
            <p className="picker-current" data-testid="folder-current">
              <code>{listing?.path ?? '…'}</code>
            </p>
            <ul data-testid="folder-list">
              {listing?.parent && (
                <li>
                  <button type="button" className="link" onClick={() => go(listing.parent!)} data-testid="folder-up">
                    ↑ {t('picker.up')}
                  </button>
                </li>
              )}
              {listing?.folders.map((folder) => (
                <li key={folder.path}>
                  <button type="button" className="link" onClick={() => go(folder.path)} data-folder={folder.name}>
                    {folder.name}/
                  </button>
                </li>
              ))}
              {listing && listing.folders.length === 0 && <li className="muted">{t('picker.noSubfolders')}</li>}
            </ul>
          </div>
        </div>
        {newName !== null && (
          <form className="row" onSubmit={(event) => (event.preventDefault(), create())}>
            <input autoFocus value={newName} onChange={(e) => setNewName(e.target.value)} aria-label={t('picker.newFolderName')} placeholder={t('picker.newFolderName')} maxLength={255} data-testid="folder-new-name" />
            <button type="submit" data-testid="folder-create">
              {t('picker.create')}
            </button>
            <button type="button" onClick={() => (setNewName(null), setError(null))}>
              {t('actions.cancel')}
            </button>
          </form>
        )}
        <ErrorNotice error={error} onClose={() => setError(null)} />
        <div className="picker-actions">
          <button type="button" className="primary" disabled={!listing} onClick={() => listing && onChoose(listing.path)} data-testid="folder-choose-here">
            {t('picker.chooseHere')}
          </button>
          <button type="button" disabled={!listing || newName !== null} onClick={() => setNewName('')} data-testid="folder-new">
            {t('picker.newFolder')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('actions.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
