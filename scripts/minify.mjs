// Trunk post-build hook (Trunk.toml, [[hooks]]): in release builds, minifies the JS glue that
// wasm-bindgen writes and the stylesheet, with esbuild, then updates their Subresource Integrity
// hashes in index.html to match.
//
// Why not Trunk's own `--minify`: its JS minifier fails on wasm-bindgen's glue ("Failed to minify
// JS: RequiredTokenNotFound") and leaves it as is, and its HTML minifier drops attribute quotes.
// Measured on the default corpus: lede.js 8.9 -> 6.4 kB gzip, lede.css 2.7 -> 2.1 kB gzip.
//
// Only the first view's own files are touched; embed.js, frame.js and the corpus are copied as
// they are in the repo (small, and readable for the embedders who read them).

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("minify: TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook");
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== "release") {
  process.exit(0); // `trunk serve` keeps the readable glue for debugging
}

const htmlPath = join(staging, "index.html");
let html = readFileSync(htmlPath, "utf8");

for (const [file, loader] of [
  ["lede.js", "js"],
  ["lede.css", "css"],
]) {
  const path = join(staging, file);
  const before = readFileSync(path, "utf8");
  // `format: "esm"` keeps the module's exports (init, mountViewer, EmbeddedViewer) by name.
  const { code } = transformSync(before, { loader, minify: true, format: loader === "js" ? "esm" : undefined, legalComments: "none" });
  writeFileSync(path, code);
  html = replaceIntegrity(html, file, sri(before), sri(code));
  console.error(`minify: ${file} ${before.length} -> ${code.length} bytes`);
}
writeFileSync(htmlPath, html);

function sri(text) {
  return "sha384-" + createHash("sha384").update(text).digest("base64");
}

/** Every `integrity` Trunk wrote for `file` (a preload and the file's own link) must change. */
function replaceIntegrity(html, file, oldHash, newHash) {
  if (!html.includes("integrity=")) {
    return html; // built with --no-sri
  }
  if (!html.includes(oldHash)) {
    console.error(`minify: index.html has no integrity ${oldHash} for ${file}; Trunk's output changed?`);
    process.exit(1);
  }
  return html.replaceAll(oldHash, newHash);
}
