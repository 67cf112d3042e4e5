import { watchUrl } from "./youtube-url";

export type YouTubeFacadeProps = {
  id: string;
  title: string;
  start?: number;
  poster?: { src: string; width: number; height: number };
};

/**
 * Server markup of the click-to-load YouTube facade; the `youtube` island
 * (components/islands/youtube.ts) swaps in the player on click.
 * Click-to-load YouTube: nothing is requested from YouTube (player or
 * thumbnail) until the reader presses play; then the no-cookie player
 * replaces the facade in the same 16:9 box and takes focus.
 *
 * Without JavaScript the play control is a link to the watch page. A button
 * nested in a link is invalid HTML (axe: nested-interactive), so both are
 * rendered as siblings in the same place and CSS shows one:
 * `@media (scripting: enabled)` shows the <button>, otherwise the <a>. A
 * browser too old for the `scripting` media feature gets the link, which JS
 * also turns into the facade (its click is intercepted), so it works either way.
 */
export function YouTubeFacade(p: YouTubeFacadeProps) {
  const { id, title, start, poster } = p;
  const label = `Play video: ${title}`;
  return (
    <div
      className="yt-facade"
      data-yt-facade=""
      data-yt-id={id}
      data-yt-start={start === undefined ? undefined : String(start)}
      data-yt-title={title}
      data-playing="false"
    >
      {poster ? (
        <img
          className="yt-facade__poster"
          src={poster.src}
          width={poster.width}
          height={poster.height}
          alt=""
          loading="lazy"
          decoding="async"
        />
      ) : (
        <div className="yt-facade__placeholder" aria-hidden="true">
          <span className="yt-facade__placeholder-title">{title}</span>
        </div>
      )}
      <a className="yt-facade__play yt-facade__play--link" href={watchUrl(id, start)} aria-label={label}>
        <span className="yt-facade__icon" aria-hidden="true" />
      </a>
      <button type="button" className="yt-facade__play yt-facade__play--button" aria-label={label}>
        <span className="yt-facade__icon" aria-hidden="true" />
      </button>
    </div>
  );
}
