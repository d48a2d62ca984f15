/** The translation domain's requests, mapped onto its two faces: one line per request, no logic. */
import type { DomainHandlers } from './dispatch.ts';
import type { TranslationEngines } from '../services/translation-engines/index.ts';
import type { TranslationService } from '../services/translation/index.ts';

export const translationApi = ({ translation, engines }: { translation: TranslationService; engines: TranslationEngines }): DomainHandlers<'translation'> =>
  ({
    'translation.language.list': () => translation.languages.list(),
    'translation.language.save': (language) => translation.languages.save(language),
    'translation.start': ({ bulletinId, to, engine }, ctx) => translation.bulletins.start(bulletinId, to, ctx.actor, { engine }),
    'translation.get': ({ id }) => translation.bulletins.view(id),
    'translation.list': ({ limit }) => translation.bulletins.list(limit),
    'translation.links': ({ bulletinId }) => translation.bulletins.links(bulletinId),
    'translation.refresh': ({ id }, ctx) => translation.bulletins.refresh(id, ctx.actor),
    'translation.segment.update': ({ id, index, target }, ctx) => translation.bulletins.edit(id, index, target, ctx.actor),
    'translation.segment.approve': ({ id, index }, ctx) => translation.bulletins.approve(id, index, ctx.actor),
    'translation.segment.reject': ({ id, index }, ctx) => translation.bulletins.reject(id, index, ctx.actor),
    'translation.segment.suggest': ({ id, index }) => translation.bulletins.suggestions(id, index),
    'translation.take.attach': ({ id, index, assetId }, ctx) => translation.voicing.attachTake(id, index, assetId, ctx.actor),
    'translation.take.remove': ({ id, index }) => translation.voicing.removeTake(id, index),
    'translation.assemble': ({ id, voiceId }, ctx) => translation.voicing.assemble(id, ctx.actor, voiceId),
    'translation.tm.import': ({ path, from, to }) => translation.tm.importFile(path, from, to),
    'translation.tm.export': ({ path, from, to }) => ({ count: translation.tm.exportFile(path, from, to) }),
    'translation.tm.search': ({ from, to, text, limit }) => translation.tm.search(from, to, text, limit),
    'translation.glossary.list': ({ from, to }) => translation.glossary.entries(from, to),
    'translation.glossary.import': ({ path, from, to }) => translation.glossary.importFile(path, from, to),
    'translation.glossary.export': ({ path, from, to }) => ({ count: translation.glossary.exportFile(path, from, to) }),
    'translation.text.import': ({ path }) => translation.importTextPath(path),
    'translation.engine.status': ({ from, to }) => engines.status(from, to),
    'translation.engine.train': ({ from, to, pairsPath }) => engines.trainFrom(from, to, pairsPath),
    'translation.engine.evaluate': ({ from, to, engine, testPath, trainPath, outPath }) =>
      engines.evaluate({ from, to, engine, testFile: testPath, trainFile: trainPath, outFile: outPath }),
    'translation.engine.pack.install': ({ path }) => engines.installPack(path),
    'translation.engine.pack.remove': ({ id }) => engines.removePack(id),
    'translation.engine.evaluations': ({ from, to }) => engines.evaluations(from && to ? { from, to } : undefined),
  });
