import path from "node:path";
import { describe, expect, it } from "vitest";
import { av1FfmpegCandidates, cacheRoot, contentRoot, EnvError, notifyVariables, readEnv } from "../../lib/env";

describe("readEnv: every variable validated in one place", () => {
  it("treats an empty value as unset, so CHAPTERS_DIR means the same everywhere", () => {
    expect(readEnv({ CHAPTERS_DIR: "" }).CHAPTERS_DIR).toBeUndefined();
    expect(contentRoot(readEnv({ CHAPTERS_DIR: "" }))).toBe(contentRoot(readEnv({})));
    expect(contentRoot(readEnv({ CHAPTERS_DIR: "story" }))).toBe(path.resolve("story"));
    expect(cacheRoot(readEnv({ INSTALLMENT_CACHE_DIR: "" }))).toBe(path.resolve(".cache", "installment"));
  });

  it("reads the media settings: the ffmpeg override and its time limit", () => {
    const env = readEnv({ INSTALLMENT_FFMPEG: "/opt/ffmpeg", INSTALLMENT_FFMPEG_TIMEOUT_MS: "120000" });
    expect(env.INSTALLMENT_FFMPEG).toBe("/opt/ffmpeg");
    expect(env.INSTALLMENT_FFMPEG_TIMEOUT_MS).toBe(120_000);
  });

  it("picks the binaries asked for AV1: INSTALLMENT_AV1_FFMPEG alone (none: no AV1), else INSTALLMENT_FFMPEG then Debian's", () => {
    expect(av1FfmpegCandidates(readEnv({}))).toEqual(["/usr/bin/ffmpeg"]);
    expect(av1FfmpegCandidates(readEnv({ INSTALLMENT_FFMPEG: "/opt/ffmpeg" }))).toEqual(["/opt/ffmpeg", "/usr/bin/ffmpeg"]);
    expect(av1FfmpegCandidates(readEnv({ INSTALLMENT_FFMPEG: "/usr/bin/ffmpeg" }))).toEqual(["/usr/bin/ffmpeg"]);
    expect(av1FfmpegCandidates(readEnv({ INSTALLMENT_FFMPEG: "/opt/ffmpeg", INSTALLMENT_AV1_FFMPEG: "/opt/svt" }))).toEqual(["/opt/svt"]);
    expect(av1FfmpegCandidates(readEnv({ INSTALLMENT_FFMPEG: "/opt/ffmpeg", INSTALLMENT_AV1_FFMPEG: "none" }))).toEqual([]);
    expect(av1FfmpegCandidates(readEnv({ INSTALLMENT_AV1_FFMPEG: "" }))).toEqual(["/usr/bin/ffmpeg"]);
  });

  it.each([
    ["INSTALLMENT_FFMPEG_TIMEOUT_MS", "soon"],
    ["INSTALLMENT_FFMPEG_TIMEOUT_MS", "0"],
    ["INSTALLMENT_BENCH_NO_COOP", "yes"],
    ["INSTALLMENT_SIMULATED_CLOCK", "true"],
    ["PORT", "http"],
    ["PORT", "70000"],
  ])("refuses %s=%s with an EnvError naming the variable and the value", (name, value) => {
    let error: unknown;
    try {
      readEnv({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as Error).message).toContain(`${name}=${JSON.stringify(value)}: `);
  });

  it("hands out notify.yaml's own variables without the empty ones", () => {
    expect(notifyVariables({ DISCORD_WEBHOOK_URL: "https://discord.test/x", SLACK_WEBHOOK_URL: "" })).toEqual({
      DISCORD_WEBHOOK_URL: "https://discord.test/x",
    });
  });
});
