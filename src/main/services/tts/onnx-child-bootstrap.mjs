// Entry of the child process that runs ONNX work (see onnx-child.ts for why a process).
// Like the job workers' bootstrap: tsx is registered when the target is a .ts source (from
// sources); in the Electron build the target is compiled .js. The target comes in the environment
// because Electron's utility processes and Node's fork pass arguments differently.
const target = process.env.STUDIO_ONNX_CHILD_ENTRY;
if (!target) throw new Error('STUDIO_ONNX_CHILD_ENTRY is not set');
if (target.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(target);
