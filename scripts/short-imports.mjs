// Short names for the wasm's imports and exports, in the wasm and in its JS glue
// (scripts/post-build.mjs); and no `producers` or `target_features` sections (toolchain notes
// a browser never reads).
//
// wasm-bindgen names each function the wasm imports from its glue after the Rust item and a hash
// (`__wbg_getBoundingClientRect_329ca748ec918b0c`); the name is written twice, once in the
// wasm's import section and once as a key of the glue's import object, and the 16 hex digits of
// each hash do not compress. ~150 imports: 4.8 kB gzip of the first view (measured 2026-11-29:
// wasm 138.9 -> 136.1 kB, glue 5.9 -> 3.9 kB). This renames them to `a0`, `a1`, ... in both,
// and the exports the glue alone reaches (`wasm.name`) to `x0`, `x1`, ... (0.2 kB more). Also
// renamed: the exports of the closures' invoke shims, whose JS wrappers wasm-bindgen names after
// them (`wasm_bindgen_4103ee816b20e416___convert__closures_____invoke___...`: the wrapper keeps
// its name, which esbuild shortens), and exports the glue never reaches (`__wbindgen_free`,
// `__instance_terminated`): 0.35 kB more (2026-11-29).
//
// Nothing else in the wasm is touched: the import section is decoded and encoded again, every
// other section is copied byte for byte (a round trip through wasm-opt would lay the module out
// again, which measured +0.7 kB). An import is renamed only if its name appears in the glue
// exactly once, as an object key (`name:`); anything unexpected leaves both files as they were.

/**
 * Byte layout read here (WebAssembly core spec, "Binary format"):
 *
 *   module   := magic "\0asm" (4 bytes) version (4 bytes) section*
 *   section  := id (1 byte) size (u32 LEB128) contents (size bytes)
 *   imports  := section id 2, contents := count (u32 LEB128) import*
 *   import   := module-name field-name kind (1 byte) desc
 *   name     := length (u32 LEB128) UTF-8 bytes
 *   desc     := kind 0 function: type index (u32 LEB128)
 *               kind 1 table:    reference type (1 byte) limits
 *               kind 2 memory:   limits
 *               kind 3 global:   value type (1 byte) mutability (1 byte)
 *               kind 4 tag:      attribute (1 byte) type index (u32 LEB128)
 *   limits   := flags (1 byte) min (LEB128) [max (LEB128) if flags & 1]
 *
 * Value and reference types are the one-byte forms (numbers, funcref, externref): wasm-bindgen
 * writes no typed references. Any other byte stops the renaming.
 */
export function shortImportNames(wasm, glue, loader = "") {
  const reader = { bytes: wasm, at: 8 };
  const magic = [0x00, 0x61, 0x73, 0x6d];
  if (wasm.length < 8 || magic.some((b, i) => wasm[i] !== b)) return null;
  const out = [wasm.subarray(0, 8)];
  const renames = [];
  const exportRenames = [];
  while (reader.at < wasm.length) {
    const id = wasm[reader.at++];
    const size = leb(reader);
    if (Number.isNaN(size) || reader.at + size > wasm.length) return null;
    const contents = wasm.subarray(reader.at, reader.at + size);
    reader.at += size;
    if (id === 0 && ["producers", "target_features"].includes(new TextDecoder().decode(name({ bytes: contents, at: 0 })))) {
      continue;
    }
    if (id !== 2 && id !== 7) {
      out.push(Uint8Array.of(id), encodeLeb(size), contents);
      continue;
    }
    const section = id === 2 ? renamedImports(contents, glue, renames) : renamedExports(contents, glue, exportRenames, loader);
    if (!section) return null;
    out.push(Uint8Array.of(id), encodeLeb(section.length), section);
  }
  let text = glue;
  for (const [from, to] of renames) text = text.replace(`${from}:`, `${to}:`);
  for (const [from, to] of exportRenames) text = text.replace(new RegExp(`\\bwasm\\.${from}\\b`, "g"), `wasm.${to}`);
  const result = Buffer.concat(out);
  // Checked, not trusted: every import the new wasm names is a key of the new glue, and no
  // renamed export is reached by its old name; anything else leaves both files as they were.
  if (!consistent(result, text, renames, exportRenames)) return null;
  return { wasm: result, glue: text, renamed: renames.length + exportRenames.length };
}

/**
 * The export section's contents with short names (`x0`, `x1`, ...), or null if anything is
 * unexpected. Layout: count (u32 LEB128) export*, export := name kind (1 byte) index (LEB128).
 * An export is renamed only if every mention of its name in the glue is `wasm.name` (the glue's
 * name for the instance's exports): nothing else sees them.
 */
function renamedExports(contents, glue, renames, loader) {
  const r = { bytes: contents, at: 0 };
  const count = leb(r);
  const parts = [encodeLeb(count)];
  for (let i = 0; i < count; i++) {
    const field = name(r);
    const descStart = r.at;
    r.at++;
    leb(r);
    if (r.at > contents.length) return null;
    const old = new TextDecoder().decode(field);
    let fieldBytes = field;
    // The split loader (scripts/split.mjs) reaches some exports by name too (memory, the table).
    const loaderUses = loader !== "" && new RegExp(`\\b${escape(old)}\\b`).test(loader);
    if (/^[A-Za-z_$][\w$]*$/.test(old) && onlyReachedAsWasmField(glue, old) && !loaderUses) {
      const short = `x${i.toString(36)}`;
      renames.push([escape(old), short]);
      fieldBytes = new TextEncoder().encode(short);
    }
    parts.push(encodeLeb(fieldBytes.length), fieldBytes, contents.subarray(descStart, r.at));
  }
  return r.at === contents.length ? Buffer.concat(parts) : null;
}

/**
 * Whether the glue reaches export `name` only as `wasm.name`, if at all. Any other mention must be
 * a name of the glue's own (wasm-bindgen gives a closure's JS wrapper function its export's
 * name), never a property or a string: `.name`, `'name'`, `"name"` or `` `name` `` keep it.
 */
function onlyReachedAsWasmField(glue, name) {
  for (const match of glue.matchAll(new RegExp(`\\b${escape(name)}\\b`, "g"))) {
    const before = glue.slice(Math.max(0, match.index - 5), match.index);
    if (before === "wasm.") continue;
    if (/[.'"`]$/.test(before) || /^['"`]/.test(glue.slice(match.index + name.length))) return false;
  }
  return true;
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The import section's contents with short names, or null if anything is unexpected. */
function renamedImports(contents, glue, renames) {
  const r = { bytes: contents, at: 0 };
  const count = leb(r);
  const parts = [encodeLeb(count)];
  for (let i = 0; i < count; i++) {
    const module = name(r);
    const field = name(r);
    const descStart = r.at;
    const kind = contents[r.at++];
    if (kind === 0) leb(r);
    else if (kind === 1) { r.at++; limits(r); }
    else if (kind === 2) limits(r);
    else if (kind === 3) r.at += 2;
    else if (kind === 4) { r.at++; leb(r); }
    else return null;
    if (r.at > contents.length) return null;
    const old = new TextDecoder().decode(field);
    const once = glue.split(`${old}:`).length === 2 && glue.split(old).length === 2;
    let fieldBytes = field;
    if (once) {
      // Two imports of one name (from two modules) share one short name, as they share one key.
      let short = renames.find(([from]) => from === old)?.[1];
      if (!short) {
        short = `a${renames.length.toString(36)}`;
        renames.push([old, short]);
      }
      fieldBytes = new TextEncoder().encode(short);
    }
    parts.push(encodeLeb(module.length), module, encodeLeb(fieldBytes.length), fieldBytes, contents.subarray(descStart, r.at));
  }
  return r.at === contents.length ? Buffer.concat(parts) : null;
}

/** Whether the renamed wasm and glue still fit: see the end of `shortImportNames`. */
function consistent(wasm, glue, renames, exportRenames) {
  const r = { bytes: wasm, at: 8 };
  while (r.at < wasm.length) {
    const id = wasm[r.at++];
    const size = leb(r);
    const contents = { bytes: wasm.subarray(r.at, r.at + size), at: 0 };
    r.at += size;
    if (id !== 2 && id !== 7) continue;
    const count = leb(contents);
    for (let i = 0; i < count; i++) {
      if (id === 2) name(contents);
      const field = new TextDecoder().decode(name(contents));
      const kind = contents.bytes[contents.at++];
      if (id === 7) leb(contents);
      else if (kind === 0) leb(contents);
      else if (kind === 1) { contents.at++; limits(contents); }
      else if (kind === 2) limits(contents);
      else if (kind === 3) contents.at += 2;
      else if (kind === 4) { contents.at++; leb(contents); }
      const renamedImport = id === 2 && renames.some(([, to]) => to === field);
      const renamedExport = id === 7 && exportRenames.some(([, to]) => to === field);
      if (renamedImport && !glue.includes(`${field}:`)) return false;
      // (An export the glue never reaches, such as `__wbindgen_free`, is renamed too.)
      const from = renamedExport && exportRenames.find(([, to]) => to === field)[0];
      if (from && new RegExp(`\\bwasm\\.${from}\\b`).test(glue)) return false;
    }
  }
  return true;
}

function name(r) {
  const length = leb(r);
  const bytes = r.bytes.subarray(r.at, r.at + length);
  r.at += length;
  return bytes;
}

function limits(r) {
  const flags = r.bytes[r.at++];
  leb(r);
  if (flags & 1) leb(r);
}

/** An unsigned LEB128 number (as a JS number: sizes and indexes here are far below 2^53). */
function leb(r) {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = r.bytes[r.at++];
    if (byte === undefined) return NaN;
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if (byte < 0x80) return value;
  }
}

function encodeLeb(value) {
  const bytes = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    bytes.push(byte);
  } while (value > 0);
  return Uint8Array.from(bytes);
}
