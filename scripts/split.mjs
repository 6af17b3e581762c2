// Code splitting: the wasm and glue that Trunk staged, redone from cargo's output with the
// split pages (src/app/split_pages.rs) moved into chunks that load when first shown.
//
// Trunk cannot do this itself: the split must see the linker's relocations, so it runs on
// cargo's own output (built with `-Clink-args=--emit-relocs`, scripts/build), *before*
// wasm-bindgen, which drops them; Trunk 0.21 has no hook between cargo and wasm-bindgen. So a
// split build has Trunk run cargo (and a wasm-bindgen whose output is thrown away: a wasm built
// with `#[lazy]` but not split imports from `__wasm_split_placeholder__`, which no browser can
// load), then this redoes the rest:
//   1. wasm-split-cli (crate wasm_split_cli_support): lede.wasm (main, for wasm-bindgen), one
//      wasm per `#[lazy]` function, a chunk per group of code they share, and __wasm_split.js,
//      the loader the main wasm imports (it fetches a chunk with
//      `fetch(new URL("./chunk.wasm", import.meta.url))` and instantiates it with the main
//      instance's memory, table and stack pointer);
//   2. wasm-bindgen --keep-lld-exports (the loader needs the table and the stack pointer, which
//      wasm-bindgen otherwise removes) --no-demangle (as cargo-leptos does);
//   3. wasm-opt on every wasm: the main wasm with index.html's flags, the chunks without
//      `--zero-filled-memory` (they share the main instance's memory, which is not zero).
// Returns the new glue (the caller renames imports and minifies it) or null if nothing to split.

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function splitBuild(staging, glue) {
  if (!glue.includes("__wasm_split_placeholder__")) return null;
  const target = process.env.CARGO_TARGET_DIR;
  if (!target) throw new Error("split: CARGO_TARGET_DIR is not set (scripts/build sets it through scripts/setup)");
  const raw = join(target, "wasm32-unknown-unknown", "release", "lede.wasm");
  const work = mkdtempSync(join(tmpdir(), "lede-split-"));
  try {
    const split = join(work, "split");
    const bound = join(work, "bound");
    run(process.env.LEDE_WASM_SPLIT || "wasm-split-cli", ["--target", "web", "--out-name", "lede", raw, split]);
    run("wasm-bindgen", ["--target", "web", "--no-typescript", "--keep-lld-exports", "--no-demangle", "--out-name", "lede", "--out-dir", bound, join(split, "lede.wasm")]);
    const flags = wasmOptFlags(staging);
    const main = join(staging, "lede_bg.wasm");
    run("wasm-opt", ["-Oz", ...flags, "--output", main, join(bound, "lede_bg.wasm")]);
    const chunkFlags = flags.filter((f) => f !== "--zero-filled-memory");
    const chunks = readdirSync(split).filter((f) => f.endsWith(".wasm") && f !== "lede.wasm").sort();
    const optimised = join(work, "opt");
    mkdirSync(optimised);
    for (const file of chunks) {
      run("wasm-opt", ["-Oz", ...chunkFlags, "--output", join(optimised, file), join(split, file)]);
    }
    // A chunk fits only the main wasm it was split from (it calls into the main instance's
    // table and memory by position), but the main wasm keeps its stable name (filehash =
    // false). So every chunk's name carries a hash of the whole build: a tab opened before a
    // deploy asks for its own build's chunks, which are there if the host keeps old files and
    // a 404 otherwise (the error panel, with a retry), never another build's.
    const build = createHash("sha256");
    for (const path of [main, ...chunks.map((f) => join(optimised, f))]) build.update(readFileSync(path));
    const id = build.digest("hex").slice(0, 12);
    let loader = readFileSync(join(split, "__wasm_split.js"), "utf8");
    // Not instantiateStreaming, which rejects a wasm served without `application/wasm` (many
    // hosts' default for .wasm is application/octet-stream): the main wasm's glue falls back to
    // the bytes then, and so does this. The chunks are small; streaming compilation saves little.
    const streaming = "WebAssembly.instantiateStreaming(src, imports)";
    if (!loader.includes(streaming)) throw new Error("split: __wasm_split.js is not as expected (instantiateStreaming)");
    loader = loader.replaceAll(streaming, "src.then((r) => { if (!r.ok) throw new Error(`${r.url}: HTTP ${r.status}`); return r.arrayBuffer(); }).then((b) => WebAssembly.instantiate(b, imports))");
    // A chunk that does not load: the viewer shows its error panel; the console says which
    // file and why, as one of the viewer's own messages (`lede:`).
    const logged = loader.match(/console\.error\((\w+)\)/);
    if (!logged) throw new Error("split: __wasm_split.js is not as expected (console.error)");
    loader = loader.replace(logged[0], `console.error("lede: a part of the viewer did not load: " + (${logged[1]}?.message ?? ${logged[1]}))`);
    for (const file of chunks) {
      const named = file.replace(/\.wasm$/, `-${id}.wasm`);
      copyFileSync(join(optimised, file), join(staging, named));
      if (!loader.includes(`"./${file}"`)) throw new Error(`split: __wasm_split.js does not name ${file}`);
      loader = loader.replaceAll(`"./${file}"`, `"./${named}"`);
    }
    writeFileSync(join(staging, "__wasm_split.js"), loader);
    // The JS of `#[wasm_bindgen(module)]` items, as this wasm-bindgen wrote it for the new glue
    // (post-build puts it into the glue: withInlinedSnippets).
    rmSync(join(staging, "snippets"), { recursive: true, force: true });
    if (existsSync(join(bound, "snippets"))) cpSync(join(bound, "snippets"), join(staging, "snippets"), { recursive: true });
    return readFileSync(join(bound, "lede.js"), "utf8");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** index.html's `data-wasm-opt-params` (the source page: Trunk's staged copy no longer has it). */
function wasmOptFlags() {
  const source = readFileSync(join(process.env.TRUNK_SOURCE_DIR || ".", "index.html"), "utf8");
  const params = source.match(/data-wasm-opt-params="([^"]*)"/);
  return params ? params[1].split(/\s+/).filter(Boolean) : [];
}

function run(command, args) {
  // LEDE_SPLIT_NO_OPT=1: no wasm-opt (the output keeps its function names, for stack traces).
  if (command === "wasm-opt" && process.env.LEDE_SPLIT_NO_OPT) {
    copyFileSync(args[args.length - 1], args[args.indexOf("--output") + 1]);
    return;
  }
  execFileSync(command, args, { stdio: ["ignore", "inherit", "inherit"] });
}

export function chunkFiles(staging) {
  return existsSync(staging) ? readdirSync(staging).filter((f) => f.startsWith("split_") || f.startsWith("chunk_") || f === "__wasm_split.js") : [];
}
