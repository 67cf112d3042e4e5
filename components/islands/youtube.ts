import type { Island } from "./island";
import { embedUrl } from "../youtube/youtube-url";

/**
 * YouTube facade (markup: components/youtube/YouTubeFacade): nothing is
 * requested from YouTube until the reader presses play; then the no-cookie
 * player replaces the facade in the same 16:9 box and takes focus.
 */
export const youtube: Island = {
  name: "youtube",
  selector: "[data-yt-facade]",
  mount(box) {
    const id = box.dataset.ytId ?? "";
    const start = box.dataset.ytStart === undefined ? undefined : Number(box.dataset.ytStart);
    const play = () => {
      const frame = document.createElement("iframe");
      frame.className = "yt-facade__player";
      frame.src = embedUrl(id, start);
      frame.title = box.dataset.ytTitle ?? "";
      frame.allow = "autoplay; encrypted-media; picture-in-picture";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      box.replaceChildren(frame);
      box.dataset.playing = "true";
      frame.focus();
    };
    box.querySelector(".yt-facade__play--button")?.addEventListener("click", play);
    // Browsers without the `scripting` media feature show the link: take its plain clicks too.
    box.querySelector(".yt-facade__play--link")?.addEventListener("click", (e) => {
      const m = e as MouseEvent;
      if (m.metaKey || m.ctrlKey || m.shiftKey || m.altKey || m.button !== 0) return;
      e.preventDefault();
      play();
    });
  },
};
