/** An ID3v2.3 tag (title, author, album/programme, comment, language) for MP3 exports. */
export interface Id3Tags {
  title?: string;
  author?: string;
  album?: string;
  comment?: string;
  /** ISO 639-2/3 code, e.g. "vie" (a two-letter code is mapped where known). */
  language?: string;
}

const TWO_TO_THREE: Record<string, string> = { vi: 'vie', en: 'eng', km: 'khm', fr: 'fra', zh: 'zho' };

/** UTF-16 with BOM (encoding 1): the ID3v2.3 way to carry Vietnamese diacritics. */
function utf16(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

function frame(id: string, body: Buffer): Buffer {
  const header = Buffer.alloc(10);
  header.write(id, 0, 'ascii');
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

const textFrame = (id: string, text: string) => frame(id, Buffer.concat([Buffer.from([1]), utf16(text)]));

const syncsafe = (n: number) => Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);

export function id3v2Tag(tags: Id3Tags): Buffer {
  const lang = tags.language ? (TWO_TO_THREE[tags.language] ?? tags.language).padEnd(3, ' ').slice(0, 3) : 'und';
  const frames: Buffer[] = [];
  if (tags.title) frames.push(textFrame('TIT2', tags.title));
  if (tags.author) frames.push(textFrame('TPE1', tags.author));
  if (tags.album) frames.push(textFrame('TALB', tags.album));
  if (tags.language) frames.push(textFrame('TLAN', lang));
  if (tags.comment) {
    // COMM: encoding, language, empty description (UTF-16 BOM + terminator), text
    frames.push(frame('COMM', Buffer.concat([Buffer.from([1]), Buffer.from(lang, 'latin1'), utf16(''), Buffer.from([0, 0]), utf16(tags.comment)])));
  }
  frames.push(textFrame('TSSE', 'Studio (LAME 3.100)'));
  const body = Buffer.concat(frames);
  return Buffer.concat([Buffer.from('ID3', 'ascii'), Buffer.from([3, 0, 0]), syncsafe(body.length), body]);
}
