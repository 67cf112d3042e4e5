"use client";

import { createContext, useContext, useLayoutEffect, useRef, useSyncExternalStore, type ReactNode } from "react";
import { ScrollyContext } from "./ScrollyRoot";
import type { ScrollyStore } from "./scrolly-store";

const StepIndexContext = createContext<number | null>(null);

function noopSubscribe(): () => void {
  return () => {};
}

function useStore(): ScrollyStore | null {
  return useContext(ScrollyContext);
}

/**
 * Progress (0..1) of the trigger line through the enclosing step, and whether
 * that step is the active one. Outside a <StepFrame> in a <ScrollyRoot> it is
 * `{ progress: 0, active: false }`.
 */
export function useStepProgress(): { progress: number; active: boolean } {
  const store = useStore();
  const index = useContext(StepIndexContext);
  const subscribe = store ? store.subscribe : noopSubscribe;
  const progress = useSyncExternalStore(
    subscribe,
    () => (store && index !== null ? store.getProgress(index) : 0),
    () => 0,
  );
  const active = useSyncExternalStore(
    subscribe,
    () => (store && index !== null ? store.getActive() === index : false),
    () => index === 0,
  );
  return { progress, active };
}

export function StepFrame(p: { index: number; id?: string; inlineMedia: ReactNode; children: ReactNode }) {
  const store = useStore();
  const ref = useRef<HTMLElement>(null);
  const { index } = p;
  const active = useSyncExternalStore(
    store ? store.subscribe : noopSubscribe,
    () => (store ? store.getActive() === index : false),
    () => index === 0,
  );

  // --step-progress changes every frame: write it straight to the element
  // instead of re-rendering.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !store) return;
    let last = -1;
    const apply = () => {
      const v = store.getProgress(index);
      if (v !== last) {
        last = v;
        el.style.setProperty("--step-progress", String(v));
      }
    };
    apply();
    return store.subscribe(apply);
  }, [store, index]);

  return (
    <section
      ref={ref}
      id={p.id}
      data-scrolly-step=""
      data-index={index}
      data-active={active ? "true" : "false"}
      className="scrolly-step"
    >
      {/* Shown only when scripting is off: the sticky panel needs JS. */}
      <div className="scrolly-step__media">{p.inlineMedia}</div>
      <div className="scrolly-step__text">
        <StepIndexContext.Provider value={index}>{p.children}</StepIndexContext.Provider>
      </div>
    </section>
  );
}
