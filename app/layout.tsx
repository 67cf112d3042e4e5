import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import "../components/styles/islands.css";
import "../components/styles/reading-paths.css";
import "../components/styles/tables.css";
import { requestContext } from "../lib/server/request-context";
import { ReaderSettings, readerPrefsScript } from "../components/chrome/ReaderSettings";
import { SiteHeader } from "../components/site/SiteHeader";
import { ClockBanner } from "../components/site/ClockBanner";
import { DevReload } from "../components/site/DevReload";
import { MountIslands } from "../components/islands/MountIslands";

export async function generateMetadata(): Promise<Metadata> {
  const { view } = await requestContext();
  if (!view) return { title: "Installment" };
  return {
    title: { default: view.story.title, template: `%s · ${view.story.title}` },
    description: view.story.description,
    metadataBase: new URL(view.story.siteUrl),
  };
}

export const viewport: Viewport = { themeColor: "#000000", colorScheme: "dark" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const ctx = await requestContext();
  const story = ctx.view?.story;
  return (
    <html lang={story?.language ?? "en"} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: readerPrefsScript }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to the story
        </a>
        <ClockBanner ctx={ctx} />
        {ctx.runtime.mode === "preview" ? <DevReload /> : null}
        <SiteHeader title={story?.title ?? "Installment"} settings={<ReaderSettings />} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <MountIslands />
      </body>
    </html>
  );
}
