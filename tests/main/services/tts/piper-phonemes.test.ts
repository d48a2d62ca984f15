import { describe, expect, it } from 'vitest';
import { parsePiperConfig } from '../../../../src/main/services/tts/piper-config.ts';
import { phonemesToIds } from '../../../../src/main/services/tts/piper-phonemes.ts';

const config = (extra: Record<string, unknown> = {}) =>
  parsePiperConfig(
    JSON.stringify({
      audio: { sample_rate: 22050 },
      espeak: { voice: 'vi' },
      phoneme_id_map: { _: [0], '^': [1], $: [2], ' ': [3], a: [10], b: [11], '.': [12], ˈ: [13], '1': [14] },
      ...extra,
    }),
    'test.onnx.json',
  );

describe('Piper phoneme ids', () => {
  it('starts with BOS then pad, pads after every phoneme and ends with EOS', () => {
    const { chunks, missing } = phonemesToIds('ba', config());
    expect(chunks).toEqual([[1, 0, 11, 0, 10, 0, 2]]);
    expect(missing.size).toBe(0);
  });

  it('decomposes to NFD, so a precomposed letter is its base plus a combining mark', () => {
    // "á" = a + U+0301; the voice knows "a" but not the acute accent.
    const { chunks, missing } = phonemesToIds('á', config());
    expect(chunks[0]).toEqual([1, 0, 10, 0, 2]);
    expect([...missing]).toEqual([['\u0301', 1]]);
  });

  it('counts every phoneme the voice does not know and leaves it out', () => {
    const { chunks, missing } = phonemesToIds('ɲaɲ ʔa', config());
    expect(chunks[0]).toEqual([1, 0, 10, 0, 3, 0, 10, 0, 2]);
    expect(Object.fromEntries(missing)).toEqual({ ɲ: 2, ʔ: 1 });
  });

  it('applies phoneme_map before looking ids up', () => {
    const { chunks } = phonemesToIds('x', config({ phoneme_map: { x: ['b', 'a'] } }));
    expect(chunks[0]).toEqual([1, 0, 11, 0, 10, 0, 2]);
  });

  it('cuts phrases after phoneme_silence phonemes, each phrase with its own BOS/EOS', () => {
    const { chunks, silenceAfter } = phonemesToIds('ab.ba.', config({ phoneme_silence: { '.': 0.25 } }));
    expect(chunks).toEqual([
      [1, 0, 10, 0, 11, 0, 12, 0, 2],
      [1, 0, 11, 0, 10, 0, 12, 0, 2],
    ]);
    expect(silenceAfter).toEqual([0.25, 0.25]);
  });
});

describe('Piper config', () => {
  it('reads the sample rate, inference defaults, speakers and language', () => {
    const c = config({
      inference: { noise_scale: 0.5, length_scale: 1.1, noise_w: 0.7 },
      speaker_id_map: { nu: 1, nam: 0 },
      num_speakers: 2,
      language: { code: 'vi_VN' },
      license: 'CC-BY-4.0',
    });
    expect(c.sampleRate).toBe(22050);
    expect([c.noiseScale, c.lengthScale, c.noiseW]).toEqual([0.5, 1.1, 0.7]);
    expect(c.speakers).toEqual([{ id: 0, name: 'nam' }, { id: 1, name: 'nu' }]);
    expect(c.language).toBe('vi');
    expect(c.licence).toBe('CC-BY-4.0');
  });

  it('refuses a config without a sample rate, a phoneme map, or valid JSON', () => {
    expect(() => parsePiperConfig(JSON.stringify({ phoneme_id_map: { _: [0], '^': [1], $: [2] } }), 'x.json')).toThrow(/audio/);
    expect(() => parsePiperConfig(JSON.stringify({ audio: { sample_rate: 22050 } }), 'x.json')).toThrow(/phoneme_id_map/);
    expect(() => parsePiperConfig('{ not json', 'x.json')).toThrow(/not valid JSON/);
    expect(() => parsePiperConfig(JSON.stringify({ audio: { sample_rate: 22050 }, phoneme_id_map: { a: [1] } }), 'x.json')).toThrow(/"_"/);
  });
});
