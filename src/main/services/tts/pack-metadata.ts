/**
 * What a pack says about itself — licence and languages — read from its config files, its README
 * front matter (as Hugging Face model cards have: `license:` and `language:` lines), a LICENSE
 * file, or the MMS naming convention (`mms-tts-<iso 639-3>`).
 */
import fs from 'node:fs';
import path from 'node:path';

const readText = (file: string): string => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

const readJson = (file: string): Record<string, unknown> => {
  try {
    return JSON.parse(readText(file)) as Record<string, unknown>;
  } catch {
    return {};
  }
};

function frontMatter(root: string): { licence?: string; languages: string[] } {
  const readme = readText(path.join(root, 'README.md')) || readText(path.join(root, 'MODEL_CARD'));
  const licence = /^licen[cs]e:\s*(.+)$/im.exec(readme)?.[1]?.trim();
  const languages: string[] = [];
  const block = /^language:\s*\n((?:\s*-\s*.+\n?)+)/im.exec(readme)?.[1];
  if (block) for (const line of block.split('\n')) {
    const code = /-\s*([a-z]{2,3})\b/.exec(line)?.[1];
    if (code) languages.push(code);
  }
  const inline = /^language:\s*([a-z]{2,3})\s*$/im.exec(readme)?.[1];
  if (inline) languages.push(inline);
  return { licence, languages };
}

export function findLicence(root: string, configLicence: string): string {
  if (configLicence) return configLicence;
  const fromReadme = frontMatter(root).licence;
  if (fromReadme) return fromReadme;
  for (const name of ['LICENSE', 'LICENSE.txt', 'LICENSE.md', 'LICENCE']) {
    const first = readText(path.join(root, name)).split('\n').find((l) => l.trim());
    if (first) return first.trim().slice(0, 200);
  }
  return '';
}

/** Languages of a VITS pack: tokenizer/config `language`, the README, or the MMS folder name. */
export function vitsLanguages(root: string, originalName: string): string[] {
  const found = new Set<string>();
  for (const file of ['tokenizer_config.json', 'config.json']) {
    const lang = readJson(path.join(root, file)).language;
    if (typeof lang === 'string' && /^[a-z]{2,3}$/.test(lang)) found.add(lang);
  }
  for (const lang of frontMatter(root).languages) found.add(lang);
  const mms = /mms-tts-([a-z]{3})\b/.exec(`${originalName} ${path.basename(root)}`)?.[1];
  if (mms) found.add(mms);
  // ISO 639-3 "vie" is the same language as the 639-1 "vi" the rest of the studio uses.
  return [...found].map((l) => (l === 'vie' ? 'vi' : l));
}

/** Things an MMS tokenizer config asks for that the studio cannot do. */
export function vitsWarnings(root: string): string[] {
  const config = readJson(path.join(root, 'tokenizer_config.json'));
  return config.is_uroman ? ['Mô hình cần văn bản đã La-tinh hoá (uroman); hãy nhập văn bản bằng chữ La-tinh.'] : [];
}
