import type { Island } from "./island";
import { announce } from "./announce";

/**
 * Deep-link anchors: without JavaScript a plain link to #line-… / #step-…;
 * with it, a click copies the full address, puts it in the address bar
 * without jumping, and announces the copy.
 */
export const copyLinkIsland: Island = {
  name: "copy-link",
  selector: "[data-copy-link]",
  mount(el) {
    el.addEventListener("click", (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const clipboard = navigator.clipboard as Clipboard | undefined;
      if (!clipboard) return; // the link's own navigation still works
      event.preventDefault();
      const url = new URL(el.getAttribute("href") ?? "", location.href).href;
      history.replaceState(history.state, "", url);
      clipboard.writeText(url).then(
        () => {
          el.setAttribute("data-copied", "true");
          setTimeout(() => el.removeAttribute("data-copied"), 2000);
          announce("Link copied");
        },
        () => announce("Could not copy; the link is in the address bar"),
      );
    });
  },
};
