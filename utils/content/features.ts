/**
 * Content-script features, refined-github style: each feature is one module that says on which pages it runs
 * (`when`) and cleans up when its signal aborts. The runner starts a feature when the page detector's verdict
 * starts matching, and aborts it when it stops matching (SPA route change, the form went away) or when the
 * content script is invalidated. Features share nothing mutable: what they need comes in their context.
 */
import type { PageInfo } from '@/utils/detect/page';

export interface Feature<C> {
  name: string;
  /** The page condition. */
  when(page: PageInfo | null): boolean;
  /** Start; undo everything when `signal` aborts. */
  start(ctx: C, signal: AbortSignal): void;
}

export interface FeatureRunner<C> {
  /** The detector's new verdict: start / stop features accordingly. */
  update(page: PageInfo | null): void;
  /** More features (the page features, loaded where they apply): started at once if the page matches. */
  add(features: ReadonlyArray<Feature<C>>): void;
  /** Names of the features running now (tests, diagnostics). */
  running(): string[];
  /** Stop everything (content script invalidated). */
  dispose(): void;
}

export function runFeatures<C>(initial: ReadonlyArray<Feature<C>>, ctx: C, onError: (name: string, err: unknown) => void = (n, e) => console.error(`[zwdt] feature ${n} failed`, e)): FeatureRunner<C> {
  const features = [...initial];
  const live = new Map<string, AbortController>();
  let current: PageInfo | null = null;
  const stop = (name: string) => {
    live.get(name)?.abort();
    live.delete(name);
  };
  const runner: FeatureRunner<C> = {
    update(page) {
      current = page;
      for (const f of features) {
        const wanted = f.when(page);
        if (wanted && !live.has(f.name)) {
          const controller = new AbortController();
          live.set(f.name, controller);
          try {
            f.start(ctx, controller.signal);
          } catch (err) {
            // one broken feature must not keep the others from running
            onError(f.name, err);
            stop(f.name);
          }
        } else if (!wanted && live.has(f.name)) stop(f.name);
      }
    },
    add(more) {
      for (const f of more) if (!features.some((x) => x.name === f.name)) features.push(f);
      runner.update(current);
    },
    running: () => [...live.keys()],
    dispose() {
      for (const name of [...live.keys()]) stop(name);
    },
  };
  return runner;
}

/**
 * Where the page features (a second script, injected only into frames that show the application or 物流申请)
 * find the content script that runs in every frame: both share the extension's isolated world of the frame.
 */
export const FEATURE_HOST_KEY = '__zwdtPortalFeatureHost';

export interface FeatureHost<C> {
  ctx: C;
  /** Aborts when the content script is invalidated (extension reload / update). */
  signal: AbortSignal;
  add(features: ReadonlyArray<Feature<C>>): void;
  /** Set once the page features ran in this frame. */
  loaded: boolean;
}
