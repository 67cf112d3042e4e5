import type { ReactNode } from "react";

export function Dialogue({ children }: { children?: ReactNode }) {
  return <div className="dialogue">{children}</div>;
}
