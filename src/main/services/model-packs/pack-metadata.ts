/**
 * What a pack says about itself — licence and languages — from its README front matter (as
 * Hugging Face model cards have: `license:` and `language:` lines) or a LICENSE file. The
 * engine-specific places (a Piper config, an MMS folder name, a tokenizer's language tokens) are
 * read by each kind of pack on top of this.
 */
import path from 'node:path';
import { readText } from './pack-files.ts';

export interface CardMetadata {
  licence?: string;
  /** ISO 639 codes listed under `language:`. */
  languages: string[];
}

export function modelCard(root: string): CardMetadata {
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

/** The licence a config names, else the model card's, else a LICENSE file's first line; '' if none. */
export function findLicence(root: string, configLicence: string): string {
  if (configLicence) return configLicence;
  const fromReadme = modelCard(root).licence;
  if (fromReadme) return fromReadme;
  for (const name of ['LICENSE', 'LICENSE.txt', 'LICENSE.md', 'LICENCE']) {
    const first = readText(path.join(root, name)).split('\n').find((l) => l.trim());
    if (first) return first.trim().slice(0, 200);
  }
  return '';
}
