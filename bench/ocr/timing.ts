// Timing decorator for any OcrEngine (browser-safe: used in the Node bench and in the Chromium page).
import type { OcrEngine, OcrOutput } from '../../utils/invoice/types';

export interface EngineTimes {
  initMs: number[];
  /** recognize() wall time of each call since the last `take()` */
  calls: number[];
  /** what each recognize() call returned (for the line dumps) */
  outputs: OcrOutput[];
}

/** Wraps an engine, recording init and per-call recognize times. */
export function timed(engine: OcrEngine): OcrEngine & { take(): EngineTimes } {
  let times: EngineTimes = { initMs: [], calls: [], outputs: [] };
  return {
    name: engine.name,
    async init() {
      const t = performance.now();
      await engine.init();
      times.initMs.push(performance.now() - t);
    },
    async recognize(image, o) {
      await this.init();
      const t = performance.now();
      try {
        const out = await engine.recognize(image, o);
        times.outputs.push(out);
        return out;
      } finally {
        times.calls.push(performance.now() - t);
      }
    },
    terminate: () => engine.terminate(),
    take() {
      const out = times;
      times = { initMs: [], calls: [], outputs: [] };
      return out;
    },
  };
}
