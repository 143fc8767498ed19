import { builtinModules } from 'node:module';
import { defineConfig, type EnvironmentOptions } from 'vite';

/**
 * Builds the main process and the preload as two separate single-file CommonJS bundles in
 * dist/electron. Two environments, not one build with two inputs: a shared chunk would be
 * required by the preload, and a sandboxed preload can require nothing but 'electron'.
 * Everything else (zod, ws, shared/) is bundled in.
 */
const external = [
  'electron',
  /^node:/,
  ...builtinModules,
  // ws's optional native speed-ups, loaded in a try/catch: absent is fine.
  'bufferutil',
  'utf-8-validate',
];

const bundle = (input: string, fileName: string, emptyOutDir: boolean): EnvironmentOptions => ({
  consumer: 'server',
  resolve: { noExternal: true, conditions: ['node', 'import', 'default'] },
  build: {
    outDir: 'dist/electron',
    emptyOutDir,
    target: 'node22',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    rolldownOptions: {
      input,
      external,
      output: { format: 'cjs', entryFileNames: fileName, codeSplitting: false },
    },
  },
});

export default defineConfig({
  root: '.',
  publicDir: false,
  logLevel: 'warn',
  environments: {
    main: bundle('electron/main/main.ts', 'main.cjs', true),
    preload: bundle('electron/preload/preload.ts', 'preload.cjs', false),
  },
  builder: {
    buildApp: async (builder) => {
      const { main, preload } = builder.environments;
      if (main === undefined || preload === undefined) throw new Error('missing environment');
      await builder.build(main);
      await builder.build(preload);
    },
  },
});
