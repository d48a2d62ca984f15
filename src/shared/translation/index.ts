/** The translation domain's contract: types, schemas and the engine plug-in interface. */
export * from './types.ts';
export * from './engine.ts';
export * from './voicing.ts';
