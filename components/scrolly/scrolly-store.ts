// A tiny external store for one <ScrollyRoot>: the active step index and each
// step's progress. Progress changes every animation frame while scrolling, so
// it lives outside React state; components subscribe to the slice they need
// with useSyncExternalStore and only re-render when that slice changes.

export type ScrollyStore = {
  getActive(): number;
  setActive(index: number): void;
  getProgress(index: number): number;
  setProgress(index: number, progress: number): void;
  subscribe(listener: () => void): () => void;
};

export function createScrollyStore(initialActive = 0): ScrollyStore {
  let active = initialActive;
  const progress = new Map<number, number>();
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const l of listeners) l();
  };
  return {
    getActive: () => active,
    setActive(index) {
      if (index === active || index < 0) return;
      active = index;
      emit();
    },
    getProgress: (index) => progress.get(index) ?? 0,
    setProgress(index, p) {
      if (progress.get(index) === p) return;
      progress.set(index, p);
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
