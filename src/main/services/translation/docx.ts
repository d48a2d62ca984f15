/**
 * The text of a Word .docx: its word/document.xml (unzipped with fflate, parsed with
 * fast-xml-parser), one line per paragraph, tabs and line breaks kept. Legacy-font documents keep
 * their 8-bit letters as Latin-1 characters in <w:t>, which the legacy import then converts.
 */
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { StudioError } from '../../../shared/errors.ts';

type Node = Record<string, unknown>;

const nameOf = (node: Node): string => Object.keys(node).find((k) => k !== ':@')!;
const childrenOf = (node: Node): Node[] => {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? (value as Node[]) : [];
};

function paragraphText(nodes: Node[]): string {
  let out = '';
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === 'w:t' || name === 'w:delText') {
      if (name === 'w:t') out += childrenOf(node).map((c) => String(c['#text'] ?? '')).join('');
    } else if (name === 'w:tab') out += '\t';
    else if (name === 'w:br' || name === 'w:cr') out += '\n';
    else if (name !== '#text') out += paragraphText(childrenOf(node));
  }
  return out;
}

function collectParagraphs(nodes: Node[], out: string[]): void {
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === 'w:p') out.push(paragraphText(childrenOf(node)));
    else if (name !== '#text') collectParagraphs(childrenOf(node), out);
  }
}

export function readDocxText(bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  } catch (error) {
    throw new StudioError('unsupported_format', 'not a .docx (zip) file', { reason: (error as Error).message });
  }
  const xml = files['word/document.xml'];
  if (!xml) throw new StudioError('unsupported_format', 'a .docx without word/document.xml', { expected: 'word/document.xml' });
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, trimValues: false, parseTagValue: false });
  let doc: Node[];
  try {
    doc = parser.parse(new TextDecoder('utf-8').decode(xml)) as Node[];
  } catch (error) {
    throw new StudioError('invalid_argument', 'unreadable word/document.xml', { reason: (error as Error).message });
  }
  const paragraphs: string[] = [];
  collectParagraphs(doc, paragraphs);
  return paragraphs.join('\n');
}
