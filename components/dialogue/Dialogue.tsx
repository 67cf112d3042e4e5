import type { CSSProperties, ReactNode } from "react";
import { dialogueSize } from "./dialogue-size";

export function Dialogue({ children }: { children?: ReactNode }) {
  const { lines, chars } = dialogueSize(children);
  const style = { "--dialogue-lines": lines, "--dialogue-chars": chars } as CSSProperties;
  return (
    <div className="dialogue" style={style}>
      {children}
    </div>
  );
}
