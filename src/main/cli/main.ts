import { Command } from 'commander';
import { nodePlatform, resolveDataDir } from '../platform.ts';
import { registerAudioCommands } from './commands/audio.ts';
import { registerBulletinCommands } from './commands/bulletin.ts';
import { registerDeliveryCommands } from './commands/delivery.ts';
import { registerImportCommands } from './commands/import.ts';
import { registerLedCommands } from './commands/led.ts';
import { registerLibraryCommands } from './commands/library.ts';
import { registerProgrammeCommands } from './commands/programme.ts';
import { registerReadingCommands } from './commands/reading.ts';
import { registerSerialCommands } from './commands/serial.ts';
import { registerSourceCommands } from './commands/source.ts';
import { registerTranslationCommands } from './commands/translation.ts';
import { registerTtsCommands } from './commands/tts.ts';
import { registerUpdateCommands } from './commands/update.ts';
import { runCli } from './session.ts';

/**
 * `studio`: the same dispatch as the screen, for scripting and for technicians.
 * Each domain adds its commands with a register*Commands(program) function.
 */
const program = new Command('studio')
  .description('Studio — phát thanh cơ sở / grassroots broadcasting studio')
  .option('--data-dir <dir>', 'data directory (default: STUDIO_DATA_DIR or the platform default)')
  .option('--as <name>', 'name recorded in the audit trail')
  // The studio's own options go before the command (`studio --as Lan programme add 3 --as bed`):
  // a command may then have an option of the same name (`programme add --as jingle|bed`).
  .enablePositionalOptions();

registerBulletinCommands(program);
registerAudioCommands(program);
registerImportCommands(program);
registerLibraryCommands(program);
registerProgrammeCommands(program);
registerReadingCommands(program);
registerTtsCommands(program);
registerDeliveryCommands(program);
registerSourceCommands(program);
registerLedCommands(program);
registerSerialCommands(program);
registerUpdateCommands(program);
registerTranslationCommands(program);

await runCli(program, () => resolveDataDir(nodePlatform));
