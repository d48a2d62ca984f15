// Entry of the child process that runs ONNX work (see onnx-child.ts for why a process).
// Like the job workers' bootstrap: tsx is registered when the target is a .ts source.
const target = process.argv[2];
if (target.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(target);
