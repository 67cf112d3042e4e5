import { describe, expect, it } from "vitest";
import {
  applyPref,
  LAYOUT_MARKS,
  parseFlag,
  PREFS,
  READING_MEMORY_KEY,
  readerPrefsScript,
  readPrefs,
  storePref,
} from "../../components/chrome/prefs";
import { continueTarget, parsePlace, serializePlace } from "../../components/chrome/place";

function memoryStorage(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    map: m,
  };
}

function fakeRoot() {
  const attrs = new Map<string, string>();
  return {
    setAttribute: (k: string, v: string) => void attrs.set(k, v),
    removeAttribute: (k: string) => void attrs.delete(k),
    getAttribute: (k: string) => attrs.get(k) ?? null,
    attrs,
  };
}

describe("prefs parsing", () => {
  it("only the exact string 'true' is on", () => {
    expect(parseFlag("true")).toBe(true);
    for (const v of ["false", "TRUE", "1", "", " true", null, undefined]) expect(parseFlag(v)).toBe(false);
  });
  it("reads both keys", () => {
    const s = memoryStorage({ "installment:show-names": "true", "installment:reduce-motion": "nope" });
    expect(readPrefs(s)).toEqual({ showNames: true, reduceMotion: false, plainReading: false, collapseWarnings: false });
    expect(readPrefs(null)).toEqual({ showNames: false, reduceMotion: false, plainReading: false, collapseWarnings: false });
  });
  it("survives storage that throws", () => {
    const s = {
      getItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(readPrefs(s)).toEqual({ showNames: false, reduceMotion: false, plainReading: false, collapseWarnings: false });
    expect(() =>
      storePref(
        {
          setItem: () => {
            throw new Error("QuotaExceeded");
          },
          removeItem: () => {},
        },
        "showNames",
        true,
      ),
    ).not.toThrow();
  });
  it("stores and mirrors on <html>", () => {
    const s = memoryStorage();
    storePref(s, "reduceMotion", true);
    expect(s.map.get("installment:reduce-motion")).toBe("true");
    storePref(s, "reduceMotion", false);
    expect(s.map.has("installment:reduce-motion")).toBe(false);
    const root = fakeRoot();
    applyPref(root as unknown as Element, "showNames", true);
    expect(root.attrs.get("data-show-names")).toBe("true");
    applyPref(root as unknown as Element, "showNames", false);
    expect(root.attrs.has("data-show-names")).toBe(false);
  });
});

describe("readerPrefsScript", () => {
  function run(storage: unknown, extra: Record<string, unknown> = {}) {
    const root = fakeRoot();
    const win = { localStorage: storage, ...extra };
    new Function("window", "document", readerPrefsScript)(win, { documentElement: root });
    return root.attrs;
  }
  it("applies stored prefs as html attributes", () => {
    const attrs = run(memoryStorage({ "installment:show-names": "true", "installment:reduce-motion": "true" }));
    expect(attrs.get("data-show-names")).toBe("true");
    expect(attrs.get("data-reduce-motion")).toBe("true");
  });
  it("applies a stored choice to collapse content warnings before paint", () => {
    const attrs = run(memoryStorage({ "installment:collapse-warnings": "true" }));
    expect(attrs.get("data-collapse-warnings")).toBe("true");
  });
  it("leaves preference attributes off when not stored, and only marks that scripts run", () => {
    const attrs = run(memoryStorage({ "installment:show-names": "false" }));
    expect([...attrs.keys()]).toEqual([LAYOUT_MARKS.scripted]);
  });
  it("marks where islands will add room before first paint: offline option, returning reader", () => {
    const withSw = run(memoryStorage({ [READING_MEMORY_KEY]: "{}" }), { navigator: { serviceWorker: {} }, caches: {} });
    expect(withSw.get(LAYOUT_MARKS.offlineCapable)).toBe("true");
    expect(withSw.get(LAYOUT_MARKS.readingMemory)).toBe("true");
    const without = run(memoryStorage({}), { navigator: {} });
    expect(without.has(LAYOUT_MARKS.offlineCapable)).toBe(false);
    expect(without.has(LAYOUT_MARKS.readingMemory)).toBe(false);
  });
  it("asks for full layout where the browser will scroll to a remembered place: a fragment, a reload, back/forward", () => {
    const nav = (type: string, hash = "") => ({
      location: { hash },
      performance: { getEntriesByType: (t: string) => (t === "navigation" ? [{ type }] : []) },
    });
    expect(run(memoryStorage(), nav("navigate")).has(LAYOUT_MARKS.fullLayout)).toBe(false);
    expect(run(memoryStorage(), nav("navigate", "#line-3")).get(LAYOUT_MARKS.fullLayout)).toBe("true");
    expect(run(memoryStorage(), nav("navigate", "#resume")).get(LAYOUT_MARKS.fullLayout)).toBe("true");
    expect(run(memoryStorage(), nav("reload")).get(LAYOUT_MARKS.fullLayout)).toBe("true");
    expect(run(memoryStorage(), nav("back_forward")).get(LAYOUT_MARKS.fullLayout)).toBe("true");
    // No Navigation Timing (old browser): stored preferences still apply.
    const old = run(memoryStorage({ "installment:show-names": "true" }), { location: { hash: "" } });
    expect(old.has(LAYOUT_MARKS.fullLayout)).toBe(false);
    expect(old.get("data-show-names")).toBe("true");
  });
  it("never throws when storage is blocked, and still marks that scripts run", () => {
    const throwing = {
      getItem() {
        throw new Error("blocked");
      },
    };
    expect(() => run(throwing)).not.toThrow();
    expect(run(throwing).get(LAYOUT_MARKS.scripted)).toBe("true");
  });
  it("is small and free of template artefacts", () => {
    expect(readerPrefsScript.length).toBeLessThan(800);
    expect(readerPrefsScript).not.toMatch(/\$\{|undefined/);
    expect(readerPrefsScript).toContain(PREFS.showNames.key);
  });
});

describe("reading place", () => {
  const known = [
    { slug: "01-arrival", title: "Arrival" },
    { slug: "02-drift", title: "Drift" },
  ];
  it("round-trips and clamps", () => {
    const p = { slug: "02-drift", title: "Drift", fraction: 0.4, at: 1 };
    expect(parsePlace(serializePlace(p))).toEqual(p);
    expect(parsePlace(JSON.stringify({ ...p, fraction: 3 }))?.fraction).toBe(1);
  });
  it("rejects malformed data", () => {
    for (const raw of [null, "", "{", "[]", "null", '{"slug":1}', JSON.stringify({ slug: "a", title: "A", fraction: "x", at: 1 })]) {
      expect(parsePlace(raw)).toBeNull();
    }
  });
  it("only offers a chapter the reader can open, with its current title", () => {
    const place = { slug: "02-drift", title: "Old title", fraction: 0.5, at: 1 };
    expect(continueTarget(place, known)).toEqual({ href: "/02-drift#resume", title: "Drift" });
    expect(continueTarget({ ...place, slug: "09-unreleased" }, known)).toBeNull();
    expect(continueTarget(null, known)).toBeNull();
  });
});
