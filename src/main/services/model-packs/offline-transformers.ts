/**
 * transformers.js, loaded once and lazily (it is large; only VITS voices and translation packs need
 * it), set so it never reaches a hub: models come from local pack folders only.
 */
export type Transformers = typeof import('@huggingface/transformers');

let loaded: Promise<Transformers> | null = null;

export function offlineTransformers(): Promise<Transformers> {
  loaded ??= import('@huggingface/transformers').then((t) => {
    t.env.allowRemoteModels = false;
    t.env.allowLocalModels = true;
    t.env.useBrowserCache = false;
    t.env.useFSCache = false;
    return t;
  });
  return loaded;
}
