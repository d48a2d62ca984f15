import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { DictionaryPanel } from './DictionaryPanel.tsx';
import ReadingPreview from './ReadingPreview.tsx';

/** Try how a script will be read, and keep the pronunciation dictionary. */
export default function ReadingScreen() {
  const { t } = useTranslation('reading');
  const [text, setText] = useState(() => t('sample'));
  const [revision, setRevision] = useState(0);
  return (
    <Page title={t('screenTitle')}>
      <div className="reading-screen">
        <label>
          {t('tryText')}
          <textarea data-testid="reading-text" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <ReadingPreview text={text} revision={revision} />
        <DictionaryPanel onChanged={() => setRevision((r) => r + 1)} />
      </div>
    </Page>
  );
}
