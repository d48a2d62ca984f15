/**
 * What a voice pack says about itself beyond its model card (model-packs reads licence and card
 * languages): a VITS tokenizer/config `language`, or the MMS naming convention (`mms-tts-<iso 639-3>`).
 */
import path from 'node:path';
import { modelCard, readJson } from '../model-packs/index.ts';

/** Languages of a VITS pack: tokenizer/config `language`, the README, or the MMS folder name. */
export function vitsLanguages(root: string, originalName: string): string[] {
  const found = new Set<string>();
  for (const file of ['tokenizer_config.json', 'config.json']) {
    const lang = readJson(path.join(root, file)).language;
    if (typeof lang === 'string' && /^[a-z]{2,3}$/.test(lang)) found.add(lang);
  }
  for (const lang of modelCard(root).languages) found.add(lang);
  const mms = /mms-tts-([a-z]{3})\b/.exec(`${originalName} ${path.basename(root)}`)?.[1];
  if (mms) found.add(mms);
  // ISO 639-3 "vie" is the same language as the 639-1 "vi" the rest of the studio uses.
  return [...found].map((l) => (l === 'vie' ? 'vi' : l));
}

/** Things an MMS tokenizer config asks for that the studio cannot do. */
export function vitsWarnings(root: string): string[] {
  const config = readJson(path.join(root, 'tokenizer_config.json'));
  return config.is_uroman ? ['needs_uroman'] : [];
}
