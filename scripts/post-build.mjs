// Trunk post-build hook (Trunk.toml, [[hooks]]): shrinks a release build's first-view files in
// place, then updates their Subresource Integrity hashes in index.html to match.
//
// 1. The wasm's imports and exports get short names, in the wasm and in the glue
//    (scripts/short-imports.mjs: wasm-bindgen's hashed names do not compress; 5 kB gzip).
// 1b. The JS of `#[wasm_bindgen(module)]` items (`src/web/draw.js`) goes into the glue, and
//    Trunk's preload of it out of index.html: one request less before the viewer can start.
// 2. esbuild minifies the glue and the stylesheet. Trunk's own `--minify` fails on wasm-bindgen's
//    glue ("Failed to minify JS: RequiredTokenNotFound") and drops attribute quotes in HTML.
// 3. Trunk's inline start-up script (`<script type="module">import init ...</script>`) moves to
//    `start.js`, loaded with `<script type="module" src integrity>`: a page under a strict
//    Content-Security-Policy (`script-src 'self' 'wasm-unsafe-eval'`, no 'unsafe-inline') would
//    block the inline one, and the viewer would never start. Trunk 0.21 always writes it inline
//    (its `pattern_script` could name a hand-written file instead, but without an integrity hash,
//    and `inject_scripts = false` drops the preloads too). start.js compiles the wasm while the
//    glue loads (`compilingEarly` below).
// 4. The wasm's `<link rel="preload" as="fetch">` loses its `integrity`: Chromium ignores SRI on
//    that kind of preload and says so in the console on every load ("The `integrity` attribute is
//    currently ignored for preload destinations that do not support subresource integrity"), and
//    the README promises that every console message is the viewer's own (`lede:`). The preload
//    stays: it starts the wasm download before the glue has run.
// 5. index.html loses its comments (they are for people reading the source in the repository),
//    and the build fails if an inline script, `<style>` or `style=` is left in it.
// Measured on the default corpus: lede.js 8.9 -> 5.9 kB gzip, lede.css 2.7 -> 2.1 kB gzip.
//
// embed.html, embed.js, frame.js and the corpus are copied as they are in the repo (small, and readable for
// the embedders who read them). `trunk serve` (debug) keeps everything readable.

import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { shortImportNames } from "./short-imports.mjs";
import { splitBuild } from "./split.mjs";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook");
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== "release") {
  process.exit(0);
}

const htmlPath = join(staging, "index.html");
let html = readFileSync(htmlPath, "utf8");

const shrink = {
  "lede.js": (text) => minify(withShortImports(withInlinedSnippets(splitOrOptimised(text))), "js"),
  "lede.css": (text) => minify(text, "css"),
};
for (const [file, change] of Object.entries(shrink)) {
  const path = join(staging, file);
  const before = readFileSync(path, "utf8");
  const after = change(before);
  writeFileSync(path, after);
  html = replaceIntegrity(html, file, sri(before), sri(after));
  console.error(`post-build: ${file} ${before.length} -> ${after.length} bytes`);
}
optimiseWorker();
html = withoutSnippetPreloads(html);
html = withSplitLoader(html);
html = withExternalStart(html);
html = withoutPreloadIntegrity(html);
html = html.replace(/[ \t]*<!--[\s\S]*?-->\n?/g, "").replace(/\n([ \t]*\n)+/g, "\n");
checkNothingInline(html);
writeFileSync(htmlPath, html);

/**
 * The glue of a split build (scripts/split.mjs, which writes the wasm files), or Trunk's with its
 * wasm optimised here: index.html turns Trunk's wasm-opt off (data-wasm-opt="0"), as a split
 * build's wasm must be optimised after the split.
 */
function splitOrOptimised(glue) {
  const split = splitBuild(staging, glue);
  if (split) {
    console.error("post-build: wasm split into chunks (scripts/split.mjs)");
    return split;
  }
  const wasm = join(staging, "lede_bg.wasm");
  const source = readFileSync(join(process.env.TRUNK_SOURCE_DIR || ".", "index.html"), "utf8");
  const params = (source.match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? "").split(/\s+/).filter(Boolean);
  execFileSync("wasm-opt", ["-Oz", ...params, "--output", wasm, wasm], { stdio: "inherit" });
  return glue;
}

/**
 * The glue with the JS of `#[wasm_bindgen(module = "/src/...")]` items in it (wasm-bindgen's
 * "snippets": `src/web/draw.js`), which wasm-bindgen imports from files of their own under
 * `snippets/`: one more request, after the glue's, before the viewer can start. A snippet must
 * be `export function`s and nothing else exported; its functions go into a scope of their own,
 * and the `snippets` folder leaves the build.
 */
function withInlinedSnippets(glue) {
  const imports = /^import \{([^}]*)\} from '\.\/(snippets\/[^']+\.js)';\n/gm;
  const inlined = glue.replace(imports, (_, names, file) => {
    const source = readFileSync(join(staging, file), "utf8");
    const exported = [...source.matchAll(/^export (\w+) (\w+)/gm)];
    if (exported.some(([, kind]) => kind !== "function") || (source.match(/\bexport\b/g) ?? []).length !== exported.length) {
      throw new Error(`post-build: ${file} exports something other than functions`);
    }
    const bindings = names.split(",").map((n) => n.trim().replace(/\s+as\s+/, ": ")).join(", ");
    const body = source.replace(/^export function /gm, "function ");
    return `const { ${bindings} } = (() => {\n${body}\nreturn { ${exported.map(([, , name]) => name).join(", ")} };\n})();\n`;
  });
  if (/["']\.\/snippets\//.test(inlined)) throw new Error("post-build: a snippet import is not as expected");
  rmSync(join(staging, "snippets"), { recursive: true, force: true });
  return inlined;
}

/** index.html without Trunk's `modulepreload` of the snippets, which are in the glue now. */
function withoutSnippetPreloads(html) {
  return html.replace(/[ \t]*<link rel="modulepreload" href="\.\/snippets\/[^"]*"[^>]*>\n?/g, "");
}

/**
 * The search worker's wasm (index.html's `data-type="worker"` link, whose wasm-opt is off in
 * Trunk): without the linker's relocations, which the release build asks for the viewer's wasm
 * (`--emit-relocs`, for the split) and Trunk's single RUSTFLAGS gives the worker too (they were
 * 60 % of its file, and wasm-opt does not optimise around them), then optimised with the
 * link's own `data-wasm-opt-params`.
 */
function optimiseWorker() {
  const path = join(staging, "lede-search_bg.wasm");
  if (!existsSync(path)) return;
  const before = readFileSync(path);
  writeFileSync(path, withoutCustomSections(before, (name) => name === "linking" || name.startsWith("reloc.")));
  const source = readFileSync(join(process.env.TRUNK_SOURCE_DIR || ".", "index.html"), "utf8");
  const link = source.match(/<link\b[^>]*data-bin="lede-search"[^>]*>/)?.[0] ?? "";
  const params = (link.match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? "").split(/\s+/).filter(Boolean);
  execFileSync("wasm-opt", ["-Oz", ...params, "--output", path, path], { stdio: "inherit" });
  console.error(`post-build: lede-search_bg.wasm ${before.length} -> ${readFileSync(path).length} bytes`);
  // Trunk's loader shim starts the glue with a bare path, which wasm-bindgen's glue warns
  // about in the console ("deprecated parameters"): the object form, as the viewer's own. And
  // a wasm that does not load is thrown again from a timer: an uncaught error, which the page
  // hears as the worker's `error` event (a rejected promise alone would leave the page waiting
  // for the worker's "ready" for ever; `web::search`, `fail_all`).
  const loader = join(staging, "lede-search_loader.js");
  const shim = readFileSync(loader, "utf8");
  const start = /wasm_bindgen\(("[^"]+")\)/;
  if (!start.test(shim)) throw new Error("post-build: lede-search_loader.js is not as expected");
  writeFileSync(loader, shim.replace(start, "wasm_bindgen({ module_or_path: $1 }).catch((e) => setTimeout(() => { throw e; }))"));
  // The worker's glue is a classic script (importScripts): minified without a module format,
  // so its global `wasm_bindgen` keeps its name.
  const glue = join(staging, "lede-search.js");
  writeFileSync(glue, transformSync(readFileSync(glue, "utf8"), { loader: "js", minify: true, legalComments: "none" }).code);
}

/** `wasm` without the custom sections whose name `drop` accepts. */
function withoutCustomSections(wasm, drop) {
  const kept = [wasm.subarray(0, 8)];
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return value;
    }
  };
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    const size = leb();
    const end = at + size;
    let keep = true;
    if (id === 0) {
      const length = leb();
      keep = !drop(wasm.subarray(at, at + length).toString("utf8"));
    }
    if (keep) kept.push(wasm.subarray(start, end));
    at = end;
  }
  return Buffer.concat(kept);
}

/** The split loader minified and preloaded next to the glue (which imports it), if there is one. */
function withSplitLoader(page) {
  const path = join(staging, "__wasm_split.js");
  if (!existsSync(path)) return page;
  const loader = minify(readFileSync(path, "utf8"), "js");
  writeFileSync(path, loader);
  const integrity = page.includes("integrity=") ? ` integrity="${sri(loader)}"` : "";
  return page.replace(/(<link rel="modulepreload" href="\.\/lede\.js"[^>]*>)/, `$1<link rel="modulepreload" href="./__wasm_split.js" crossorigin="anonymous"${integrity}>`);
}

/** The glue for the wasm with short import names (and that wasm written), or as it was. */
function withShortImports(glue) {
  const path = join(staging, "lede_bg.wasm");
  const loaderPath = join(staging, "__wasm_split.js");
  const loader = existsSync(loaderPath) ? readFileSync(loaderPath, "utf8") : "";
  const result = shortImportNames(readFileSync(path), glue, loader);
  if (!result || result.renamed === 0) {
    console.error("post-build: the wasm's imports are not as expected; their names stay long");
    return glue;
  }
  writeFileSync(path, result.wasm);
  console.error(`post-build: ${result.renamed} wasm imports and exports renamed`);
  return result.glue;
}

/** Moves Trunk's one inline module script into start.js (next to index.html, same relative URLs). */
function withExternalStart(page) {
  const inline = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !/\bsrc=/.test(attrs));
  if (inline.length !== 1 || !/\btype="module"/.test(inline[0][1])) {
    console.error(`post-build: expected Trunk's one inline module script in index.html, found ${inline.length}; Trunk's output changed?`);
    process.exit(1);
  }
  const [whole, , code] = inline[0];
  const start = compilingEarly(code.trim()) + "\n";
  writeFileSync(join(staging, "start.js"), start);
  const integrity = page.includes("integrity=") ? ` integrity="${sri(start)}"` : "";
  console.error(`post-build: Trunk's inline start-up script -> start.js (${start.length} bytes)`);
  return page.replace(whole, `<script type="module" src="./start.js"${integrity}></script>`);
}

/**
 * Trunk's start-up script with the wasm compiled while the glue loads. Trunk imports the glue
 * statically and then calls its `init` with the wasm's URL, so the wasm's compilation began only
 * once the glue was fetched, parsed and evaluated (about 80 ms into a load at 1x CPU here, the
 * preloaded wasm long since downloaded). Here the script starts `WebAssembly.compileStreaming`
 * first, imports the glue dynamically, and gives `init` the compiled module. A host that does
 * not serve the wasm as `application/wasm` makes `compileStreaming` fail: `init` then gets the
 * URL, as before (it fetches the file again, warns, and compiles it from its bytes).
 *
 * No `Intl` warm-up here (there was one until e4dfd06; README, Benchmarks): the viewer writes
 * plain English dates and language names itself (`core/text/english.rs`), every viewer draws its
 * first view in English, and so no first view needs the browser's locale data, except for a
 * language that module has no name for. On a fast network the main thread had no wait for the
 * warm-up to fill: it cost 97 ms of the 4x navigation. Another interface language has the data
 * loaded when idle (`web::dates::prepare_language`).
 */
function compilingEarly(code) {
  const pattern = /^import init, \* as bindings from '(\.\/[\w-]+\.js)';\s*const wasm = await init\(\{ module_or_path: '(\.\/[\w-]+\.wasm)' \}\);/;
  const found = code.match(pattern);
  if (!found) {
    console.error("post-build: Trunk's start-up script is not as expected; Trunk's output changed?");
    process.exit(1);
  }
  const [head, glue, wasm] = found;
  const early = [
    `const compiled = WebAssembly.compileStreaming(fetch('${wasm}')).catch(() => '${wasm}');`,
    `const glue = import('${glue}');`,
    `const bindings = await glue;`,
    `const wasm = await bindings.default({ module_or_path: await compiled });`,
  ].join("\n");
  return code.replace(head, early);
}

/** The wasm preload without `integrity` (which Chromium ignores there, with a warning). */
function withoutPreloadIntegrity(page) {
  return page.replace(/<link\b[^>]*\brel="preload"[^>]*>/g, (link) =>
    /\bas="fetch"/.test(link) ? link.replace(/\s+integrity="[^"]*"/, "") : link,
  );
}

/** Fails the build on anything a strict CSP (no 'unsafe-inline') would block in index.html. */
function checkNothingInline(page) {
  const left = [
    ...[...page.matchAll(/<script\b([^>]*)>/g)].filter(([, attrs]) => !/\bsrc=/.test(attrs)).map(([tag]) => tag),
    ...(page.match(/<style\b[^>]*>|\sstyle=("[^"]*"|'[^']*'|[^\s>]+)/g) || []),
  ];
  if (left.length > 0) {
    console.error(`post-build: index.html has inline script or style, which a strict CSP blocks: ${left.join(", ")}`);
    process.exit(1);
  }
}

function minify(text, loader) {
  // `format: "esm"` keeps the module's exports (init, mountViewer, EmbeddedViewer) by name.
  return transformSync(text, {
    loader,
    minify: true,
    format: loader === "js" ? "esm" : undefined,
    legalComments: "none",
  }).code;
}

function sri(text) {
  return "sha384-" + createHash("sha384").update(text).digest("base64");
}

/** Every `integrity` Trunk wrote for `file` (a preload and the file's own link) must change. */
function replaceIntegrity(html, file, oldHash, newHash) {
  if (!html.includes("integrity=")) {
    return html; // built with --no-sri
  }
  if (!html.includes(oldHash)) {
    console.error(`post-build: index.html has no integrity ${oldHash} for ${file}; Trunk's output changed?`);
    process.exit(1);
  }
  return html.replaceAll(oldHash, newHash);
}
