import fs from 'node:fs';
import path from 'node:path';

/**
 * Forge's Vite plugin packages only `.vite/`; native modules stay external, so after the copy
 * step they and everything they depend on are copied into the app's node_modules.
 */
export function copyNativeModules(projectDir: string, buildPath: string, roots: string[]): void {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const source = path.join(projectDir, 'node_modules', name);
    if (!fs.existsSync(source)) return;
    seen.add(name);
    fs.cpSync(source, path.join(buildPath, 'node_modules', name), { recursive: true, dereference: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dependency);
  };
  roots.forEach(visit);
}
