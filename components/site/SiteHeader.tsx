import Link from "next/link";
import type { ReactNode } from "react";

export function SiteHeader({ title, settings }: { title: string; settings: ReactNode }) {
  return (
    <header className="site-header">
      <Link href="/" className="site-title">
        {title}
      </Link>
      {settings}
    </header>
  );
}
