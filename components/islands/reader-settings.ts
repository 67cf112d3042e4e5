import type { Island } from "./island";
import { applyPref, readPrefs, storePref, type PrefName } from "../chrome/prefs";
import { storage } from "./local-storage";
import { onReducedMotionChange, osReducesMotion } from "./reduced-motion";

/** Reader settings: stored preferences into the boxes, changes onto <html> and into storage. */
export const readerSettings: Island = {
  name: "reader-settings",
  selector: "[data-reader-settings]",
  mount(menu) {
    const root = document.documentElement;
    const prefs = readPrefs(storage());
    const box = (name: PrefName) => menu.querySelector<HTMLInputElement>(`input[data-pref="${name}"]`);
    const note = menu.querySelector<HTMLElement>(".reader-settings__note");
    for (const name of Object.keys(prefs) as PrefName[]) {
      const input = box(name);
      // Again here in case the head script did not run (e.g. blocked by CSP).
      applyPref(root, name, prefs[name]);
      if (!input) continue;
      input.checked = prefs[name];
      input.addEventListener("change", () => {
        prefs[name] = input.checked;
        applyPref(root, name, input.checked);
        storePref(storage(), name, input.checked);
      });
    }
    // The OS already reduces motion: the box shows it, checked and disabled.
    const motion = box("reduceMotion");
    const syncOs = () => {
      const os = osReducesMotion();
      if (motion) {
        motion.disabled = os;
        motion.checked = os || prefs.reduceMotion;
        if (os && note) motion.setAttribute("aria-describedby", note.id);
        else motion.removeAttribute("aria-describedby");
      }
      if (note) note.hidden = !os;
    };
    syncOs();
    onReducedMotionChange(syncOs);
  },
};
