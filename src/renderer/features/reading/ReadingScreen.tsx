import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { DictionaryPanel } from './DictionaryPanel.tsx';
import ReadingPreview from './ReadingPreview.tsx';

const SAMPLE = 'UBND xã thông báo: từ 7h30 ngày 18/9/2024, TT Phong Điền tạm ngừng cấp điện. Giá 50.000đ/kg, tăng 5,3%. Theo Nghị định 49/2024/NĐ-CP.';

/** Try how a script will be read, and keep the pronunciation dictionary. */
export default function ReadingScreen() {
  const { t } = useTranslation('reading');
  const [text, setText] = useState(SAMPLE);
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
