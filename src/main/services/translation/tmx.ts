/**
 * TMX 1.4b (the exchange format of CAT tools, https://www.gala-global.org/tmx-14b) read and written
 * with fast-xml-parser. Read: every <tu> with a <tuv> in the source language and one or more in the
 * target language (each one an alternative); inline codes (<bpt>, <ept>, <ph>, <it>, <ut>) are
 * dropped, their <sub> text kept; creationid → author, creationdate → date, <note> → note,
 * <prop type="x-origin"> → origin, <prop type="x-previous-source"> → the context segment.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { StudioError } from '../../../shared/errors.ts';
import type { TmEntry } from '../../../shared/translation/index.ts';
import { BCP47_CODES, LANGUAGE_ALIASES } from './language-table.ts';
import type { TmInput } from './tm.ts';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const INLINE_CODES = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);

function childrenOf(node: Node): Node[] {
  const name = Object.keys(node).find((k) => k !== ':@')!;
  const value = node[name];
  return Array.isArray(value) ? (value as Node[]) : [];
}
const nameOf = (node: Node): string => Object.keys(node).find((k) => k !== ':@')!;

/** Text of a node, skipping inline codes but keeping the text of their <sub> elements. */
function textOf(nodes: Node[]): string {
  let out = '';
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === '#text') out += String(node['#text']);
    else if (INLINE_CODES.has(name)) out += childrenOf(node).filter((c) => nameOf(c) === 'sub').map((c) => textOf(childrenOf(c))).join('');
    else out += textOf(childrenOf(node));
  }
  return out;
}

/** "vi-VN", "VI", "vie" → "vie"; "tyz" → "tyz". */
export function languageOfTag(tag: string): string {
  const primary = tag.toLowerCase().split(/[-_]/)[0]!;
  return LANGUAGE_ALIASES[primary] ?? primary;
}

/** TMX dates are "YYYYMMDDThhmmssZ" (ISO 8601 basic). */
function isoOfTmxDate(value: string | undefined): string | undefined {
  const m = value ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : undefined;
}
const tmxDateOf = (iso: string): string => iso.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');

export interface TmxRead {
  pairs: TmInput[];
  /** <tu>s with no side in the source or target language. */
  skipped: number;
  /** The header's srclang, as written. */
  srclang: string | null;
}

export function readTmx(xml: string, from: string, to: string): TmxRead {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new StudioError('invalid_argument', 'malformed TMX', { line: valid.err.line, reason: valid.err.msg });
  }
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false });
  const doc = parser.parse(xml) as Node[];
  const tmx = doc.find((n) => nameOf(n) === 'tmx');
  if (!tmx) throw new StudioError('unsupported_format', 'not a TMX document', { expected: 'tmx' });
  const header = childrenOf(tmx).find((n) => nameOf(n) === 'header');
  const body = childrenOf(tmx).find((n) => nameOf(n) === 'body');
  const pairs: TmInput[] = [];
  let skipped = 0;
  for (const tu of body ? childrenOf(body).filter((n) => nameOf(n) === 'tu') : []) {
    const attrs = tu[':@'] ?? {};
    const parts = childrenOf(tu);
    const props = new Map(parts.filter((n) => nameOf(n) === 'prop').map((n) => [n[':@']?.type ?? '', textOf(childrenOf(n)).trim()]));
    const notes = parts.filter((n) => nameOf(n) === 'note').map((n) => textOf(childrenOf(n)).trim());
    const tuvs = parts.filter((n) => nameOf(n) === 'tuv').map((n) => {
      const seg = childrenOf(n).find((c) => nameOf(c) === 'seg');
      const tuvAttrs = n[':@'] ?? {};
      return { lang: languageOfTag(tuvAttrs['xml:lang'] ?? tuvAttrs.lang ?? ''), text: seg ? textOf(childrenOf(seg)).trim() : '' };
    });
    const source = tuvs.find((t) => t.lang === from && t.text);
    const targets = tuvs.filter((t) => t.lang === to && t.text);
    if (!source || targets.length === 0) {
      skipped += 1;
      continue;
    }
    for (const target of targets) {
      pairs.push({
        source: source.text,
        target: target.text,
        author: attrs.changeid ?? attrs.creationid ?? null,
        createdAt: isoOfTmxDate(attrs.changedate ?? attrs.creationdate),
        origin: props.get('x-origin') ?? null,
        previousSource: props.get('x-previous-source') ?? null,
        note: notes.length ? notes.join('\n') : null,
      });
    }
  }
  return { pairs, skipped, srclang: header?.[':@']?.srclang ?? null };
}

const tagOf = (code: string): string => BCP47_CODES[code] ?? code;

export function writeTmx(entries: TmEntry[], from: string, to: string, toolVersion: string): string {
  const text = (value: string) => [{ '#text': value }];
  const tus = entries.map((e) => {
    const children: Node[] = [];
    if (e.origin) children.push({ prop: text(e.origin), ':@': { type: 'x-origin' } });
    if (e.previousSource) children.push({ prop: text(e.previousSource), ':@': { type: 'x-previous-source' } });
    if (e.note) children.push({ note: text(e.note) });
    children.push({ tuv: [{ seg: text(e.source) }], ':@': { 'xml:lang': tagOf(from) } });
    children.push({ tuv: [{ seg: text(e.target) }], ':@': { 'xml:lang': tagOf(to) } });
    const attrs: Record<string, string> = { creationdate: tmxDateOf(e.createdAt) };
    if (e.author) attrs.creationid = e.author;
    return { tu: children, ':@': attrs };
  });
  const doc = [
    { '?xml': [{ '#text': '' }], ':@': { version: '1.0', encoding: 'UTF-8' } },
    {
      tmx: [
        {
          header: [],
          ':@': {
            creationtool: 'Studio', creationtoolversion: toolVersion, segtype: 'sentence', 'o-tmf': 'studio-sqlite',
            adminlang: 'vi', srclang: tagOf(from), datatype: 'plaintext',
          },
        },
        { body: tus },
      ],
      ':@': { version: '1.4' },
    },
  ];
  const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', format: true, indentBy: '  ', suppressEmptyNode: true, processEntities: true });
  return `${(builder.build(doc) as string).trim()}\n`;
}
