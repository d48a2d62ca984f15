/**
 * A neural translation pack loaded through @huggingface/transformers on onnxruntime-node (the one
 * runtime in the app), in the pack child process. Local files only: remote models are off.
 *
 * Languages per call, never in shared state: transformers.js's NLLB/M2M100 tokenizers set the
 * source language by rewriting their post-processor template in place (`src_lang`), so two calls
 * in flight could tag each other's input. Here the input ids are built per call from the
 * tokenizer's template, with the call's own source token, and the target token is forced through
 * that call's generate options; the tokenizer is never mutated.
 *
 * Decoding is greedy: transformers.js 3.x does not implement beam search (it ignores num_beams),
 * so the pack's info says `decoding: 'greedy'` rather than pretend.
 */
import path from 'node:path';
import { StudioError } from '../../../../shared/errors.ts';
import { modelCard, readJson, offlineTransformers, type Transformers } from '../../model-packs/index.ts';
import { isLanguageToken, languageTokens, marianPairFromName, tagsFor } from './language-tags.ts';
import { detectMtLayout, type MtDtype, type MtLayout } from './mt-pack-layout.ts';

type Tokenizer = Awaited<ReturnType<Transformers['AutoTokenizer']['from_pretrained']>>;
type Model = Awaited<ReturnType<Transformers['AutoModelForSeq2SeqLM']['from_pretrained']>>;
type TemplateItem = { SpecialToken?: { id: string }; Sequence?: { id: string } };

export interface MtModelInfo {
  layout: MtLayout;
  dtype: MtDtype;
  /** Studio language codes the pack knows. */
  languages: string[];
  /** The layout's token per language (`tyz_Latn`, `__tyz__`, `<2tyz>`), empty for a pair Marian model. */
  languageTokens: Record<string, string>;
  /** What transformers.js does, whatever generation_config.json asks for. */
  decoding: 'greedy';
  /** The beam count the pack's generation config asks for (not honoured: see decoding). */
  requestedBeams: number;
}

export interface PackTranslation {
  text: string;
  /** Geometric mean of the chosen tokens' probabilities. */
  confidence: number;
}

/** All token strings of a tokenizer.json: its added tokens and its model's vocabulary. */
function tokenStrings(tokenizerJson: Record<string, unknown>): string[] {
  const added = ((tokenizerJson.added_tokens as Array<{ content: string }> | undefined) ?? []).map((t) => t.content);
  const vocab = (tokenizerJson.model as { vocab?: unknown } | undefined)?.vocab;
  const fromVocab = Array.isArray(vocab) ? vocab.map((entry) => (Array.isArray(entry) ? String(entry[0]) : String(entry))) : Object.keys(vocab ?? {});
  return [...added, ...fromVocab];
}

/** Reads what the pack says about its languages and decoding, without loading the model. */
export function readModelInfo(dir: string, originalName = path.basename(dir)): MtModelInfo & { root: string } {
  const { layout, dtype, root } = detectMtLayout(dir);
  const tokenizerJson = readJson(path.join(root, 'tokenizer.json'));
  const tokens = languageTokens(layout, tokenStrings(tokenizerJson));
  let languages = Object.keys(tokens);
  if (layout === 'marian' && languages.length === 0) {
    languages = marianPairFromName(originalName);
    if (languages.length === 0) languages = marianPairFromName(path.basename(root));
    if (languages.length === 0) languages = modelCard(root).languages.map((l) => (l === 'vie' ? 'vi' : l));
  }
  const generation = readJson(path.join(root, 'generation_config.json'));
  const beams = Number(generation.num_beams ?? readJson(path.join(root, 'config.json')).num_beams ?? 1);
  return { root, layout, dtype, languages, languageTokens: tokens, decoding: 'greedy', requestedBeams: Number.isFinite(beams) ? beams : 1 };
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);

export class PackModel {
  private constructor(
    private readonly t: Transformers,
    private readonly tokenizer: Tokenizer,
    private readonly model: Model,
    private readonly template: TemplateItem[] | null,
    readonly info: MtModelInfo,
  ) {}

  static async load(dir: string, originalName?: string): Promise<PackModel> {
    const { root, ...info } = readModelInfo(dir, originalName);
    const t = await offlineTransformers();
    // transformers.js resolves `localModelPath + id`; one pack per child, so the global is ours.
    t.env.localModelPath = path.dirname(path.resolve(root)) + path.sep;
    const id = path.basename(path.resolve(root));
    let tokenizer: Tokenizer;
    try {
      tokenizer = await t.AutoTokenizer.from_pretrained(id, { local_files_only: true });
    } catch (error) {
      throw new StudioError('unsupported_format', `translation pack tokenizer cannot be loaded: ${firstLine(error)}`, { problem: 'tokenizer' });
    }
    let model: Model;
    try {
      model = await t.AutoModelForSeq2SeqLM.from_pretrained(id, { local_files_only: true, dtype: info.dtype, device: 'cpu' });
    } catch (error) {
      throw new StudioError('unsupported_format', `translation pack model cannot be loaded: ${firstLine(error)}`, { problem: 'onnx' });
    }
    const sessions = (model as unknown as { sessions: Record<string, { inputNames: string[]; outputNames: string[] }> }).sessions;
    const decoder = sessions.decoder_model_merged;
    if (!sessions.model?.outputNames.includes('last_hidden_state') || !decoder?.outputNames.includes('logits') || !decoder.inputNames.includes('encoder_hidden_states')) {
      await model.dispose();
      throw new StudioError('unsupported_format', 'translation pack ONNX files are not an encoder and a merged decoder', {
        problem: 'onnx_contract',
        encoder: sessions.model?.outputNames ?? [],
        decoder: decoder?.inputNames ?? [],
      });
    }
    const postProcessor = readJson(path.join(root, 'tokenizer.json')).post_processor as { type?: string; single?: TemplateItem[] } | null;
    const template = postProcessor?.type === 'TemplateProcessing' && Array.isArray(postProcessor.single) ? postProcessor.single : null;
    return new PackModel(t, tokenizer, model, template, info);
  }

  private tokenId(token: string): number {
    const id = this.tokenizer.model.convert_tokens_to_ids([token])[0];
    if (id === undefined || id === null) throw new StudioError('unsupported_format', `translation pack tokenizer has no token ${token}`, { problem: 'tokenizer', token });
    return Number(id);
  }

  /** The input ids for one call: the template filled with this call's text and source token. */
  private inputIds(text: string, prefix: string, sourceToken: string | null): number[] {
    const ids = this.tokenizer.encode(prefix + text, { add_special_tokens: false });
    if (!this.template) return [...ids, Number(this.tokenizer.model.convert_tokens_to_ids([this.tokenizer.eos_token ?? '</s>'])[0])];
    const out: number[] = [];
    for (const item of this.template) {
      if (item.Sequence) out.push(...ids);
      else if (item.SpecialToken) {
        const token = item.SpecialToken.id;
        out.push(this.tokenId(sourceToken !== null && isLanguageToken(this.info.layout, token) ? sourceToken : token));
      }
    }
    return out;
  }

  async translate(text: string, from: string, to: string, signal?: AbortSignal): Promise<PackTranslation> {
    const tags = tagsFor(this.info.layout, this.info.languageTokens, this.info.languages, from, to);
    const ids = this.inputIds(text, tags.prefix, tags.sourceToken);
    const { Tensor } = this.t;
    const inputIds = new Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, ids.length]);
    const attentionMask = new Tensor('int64', new BigInt64Array(ids.length).fill(1n), [1, ids.length]);
    let logProbability = 0;
    let steps = 0;
    // Runs on every step's final logits: records the chosen token's probability (greedy takes the
    // maximum), and stops a cancelled call between steps.
    const recordStep = (_inputIds: bigint[][], logits: { data: Float32Array; dims: number[] }) => {
      if (signal?.aborted) throw new StudioError('cancelled', 'cancelled by the user');
      const row = logits.data.subarray(0, logits.dims.at(-1));
      let max = -Infinity;
      for (const value of row) if (value > max) max = value;
      let sum = 0;
      for (const value of row) sum += Math.exp(value - max);
      logProbability += -Math.log(sum);
      steps += 1;
      return logits;
    };
    const output = (await this.model.generate({
      input_ids: inputIds,
      attention_mask: attentionMask,
      ...(tags.targetToken ? { forced_bos_token_id: this.tokenId(tags.targetToken) } : {}),
      num_beams: 1,
      do_sample: false,
      max_new_tokens: Math.min(512, ids.length * 3 + 16),
      logits_processor: [recordStep],
    } as never)) as { tolist(): bigint[][] };
    const sequence = output.tolist()[0]!.map(Number);
    const decoded = this.tokenizer.decode(sequence, { skip_special_tokens: true }).trim();
    return { text: decoded, confidence: steps ? Math.exp(logProbability / steps) : 0 };
  }

  async dispose(): Promise<void> {
    await this.model.dispose();
  }
}
