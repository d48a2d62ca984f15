/**
 * Installed neural translation packs: each a folder under the packs folder (<dataDir>/mt-packs),
 * with the studio's record of it in `studio-pack.json` beside its files (written before the
 * folder is moved in, so an installed pack always has one). Install, validation, listing and
 * removal go through the model-pack machinery voice packs use; validation loads the pack in its
 * child process and translates a test sentence, so a broken pack is refused before it is listed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../../shared/errors.ts';
import type { JobTools, ChildLauncher } from '../../jobs/index.ts';
import { findLicence, folderSize, installStaged, isStagingFolder, readJson, sha256File, type PackLimits } from '../../model-packs/index.ts';
import { detectMtLayout } from './mt-pack-layout.ts';
import { PackTranslationEngine } from './pack-engine.ts';
import type { MtModelInfo } from './pack-model.ts';
import { PackRunner } from './pack-runner.ts';

export const PACK_RECORD = 'studio-pack.json';
/**
 * Validation translates this: "xin chào" (hello), everyday Vietnamese, the studio's usual source.
 * Model input, not a message; escaped so that no Vietnamese text sits in service code.
 */
export const TEST_SENTENCE = 'xin ch\u00e0o';

export interface MtPackRecord extends MtModelInfo {
  name: string;
  licence: string;
  /** sha256 of the merged decoder file the pack runs. */
  sha256: string;
  sizeBytes: number;
  /** What validation translated, and what came out. */
  test: { from: string; to: string; source: string; text: string };
  installedAt: string;
}

export interface InstalledMtPack extends MtPackRecord {
  /** The folder name under the packs folder. */
  id: string;
}

type InstallJob = Pick<JobTools, 'progress' | 'checkCancelled'>;

const testPair = (languages: string[]): { from: string; to: string } => {
  const from = languages.includes('vi') ? 'vi' : (languages[0] ?? 'vi');
  return { from, to: languages.find((l) => l !== from) ?? 'und' };
};

export class MtPackStore {
  constructor(
    readonly packsDir: string,
    private readonly options: { launch?: ChildLauncher; limits?: Partial<PackLimits> } = {},
  ) {}

  list(): InstalledMtPack[] {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(this.packsDir, { withFileTypes: true });
    } catch {
      return [];
    }
    return entries
      .filter((e) => e.isDirectory() && !isStagingFolder(e.name) && fs.existsSync(path.join(this.packsDir, e.name, PACK_RECORD)))
      .map((e) => ({ ...(readJson(path.join(this.packsDir, e.name, PACK_RECORD)) as unknown as MtPackRecord), id: e.name }))
      // A record damaged on disk (edited by hand, cut off) is not listed rather than listed wrong.
      .filter((pack) => typeof pack.layout === 'string' && Array.isArray(pack.languages))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  find(id: string): InstalledMtPack | null {
    return this.list().find((pack) => pack.id === id) ?? null;
  }

  private get(id: string): InstalledMtPack {
    const pack = this.find(id);
    if (!pack) throw new StudioError('not_found', `no translation pack ${id}`, { pack: id });
    return pack;
  }

  /** Validates (load + test sentence in the pack's child) and installs a folder or .zip. */
  async install(source: string, job: InstallJob): Promise<InstalledMtPack> {
    const installed = await installStaged({
      source,
      packsDir: this.packsDir,
      job,
      limits: this.options.limits,
      validate: (staged, originalName) => this.validate(staged, originalName, job),
    });
    return this.get(installed.folder);
  }

  private async validate(staged: string, originalName: string, job: InstallJob): Promise<{ root: string; name: string }> {
    const layout = detectMtLayout(staged);
    const runner = await PackRunner.start(layout.root, { launch: this.options.launch, originalName });
    let record: MtPackRecord;
    try {
      job.checkCancelled();
      job.progress(0.7, 'translating a test sentence');
      const pair = testPair(runner.info.languages);
      const [result] = await runner.translate([TEST_SENTENCE], pair.from, pair.to);
      if (!result?.text) throw new StudioError('unsupported_format', 'translation pack produced no text for the test sentence', { problem: 'no_output' });
      const name = layout.root === staged ? originalName : path.basename(layout.root);
      const config = readJson(path.join(layout.root, 'config.json'));
      record = {
        ...runner.info,
        name,
        licence: findLicence(layout.root, typeof config.license === 'string' ? config.license : ''),
        sha256: await sha256File(path.join(layout.root, layout.modelFiles[1]!)),
        sizeBytes: folderSize(layout.root),
        test: { ...pair, source: TEST_SENTENCE, text: result.text },
        installedAt: new Date().toISOString(),
      };
    } finally {
      runner.dispose();
    }
    fs.writeFileSync(path.join(layout.root, PACK_RECORD), `${JSON.stringify(record, null, 2)}\n`);
    return { root: layout.root, name: record.name };
  }

  remove(id: string): void {
    const pack = this.get(id);
    fs.rmSync(path.join(this.packsDir, pack.id), { recursive: true, force: true });
  }

  /** Starts an installed pack's child and returns it behind the engine interface; dispose the runner when done. */
  async open(id: string): Promise<{ engine: PackTranslationEngine; runner: PackRunner }> {
    const pack = this.get(id);
    const runner = await PackRunner.start(path.join(this.packsDir, pack.id), { launch: this.options.launch, originalName: pack.name });
    return { engine: new PackTranslationEngine(pack.id, runner), runner };
  }
}
