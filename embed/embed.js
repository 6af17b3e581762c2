// <lede-viewer>: Lede as a custom element, for pages on any site.
//
//   <script type="module" src="https://news.example/lede/embed.js"></script>
//   <lede-viewer src="https://news.example/lede/corpus/index.json" topic="iraq"></lede-viewer>
//
// This file only defines the element. wasm-bindgen cannot subclass HTMLElement, so the class is
// written here and everything else (state, rendering, events, URL sync) is the Rust viewer,
// mounted into the element's shadow root through `mountViewer`. The wasm, its JS glue and the
// stylesheet load from next to this file (import.meta.url), never from the host page's base URL.

const here = new URL('.', import.meta.url);
let wasm; // one instance of the module for every element on the page

function loadViewer() {
  wasm ??= import(new URL('lede.js', here).href).then(async (glue) => {
    await glue.default({ module_or_path: new URL('lede_bg.wasm', here) });
    return glue;
  });
  return wasm;
}

const VIEW_ATTRIBUTES = ['topic', 'match', 'article', 'entity'];

class LedeViewer extends HTMLElement {
  static observedAttributes = ['src', 'sync-url', ...VIEW_ATTRIBUTES];

  #viewer = null; // the mounted Rust viewer
  #mounting = 0; // bumps on every (re)mount or removal, so a slow load never mounts twice
  #point; // the element the viewer renders into, inside the shadow root
  #styled; // resolves once the stylesheet has loaded (or failed): no flash of unstyled content

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('lede.css', here).href;
    this.#styled = new Promise((done) => {
      style.onload = style.onerror = done;
    });
    this.#point = document.createElement('div');
    this.#point.className = 'lede lede--embedded';
    this.#point.part = 'viewer';
    shadow.append(style, this.#point);
  }

  connectedCallback() {
    this.#mount();
  }

  disconnectedCallback() {
    this.#mounting += 1;
    this.#viewer?.unmount();
    this.#viewer = null;
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#viewer || before === after) return;
    if (VIEW_ATTRIBUTES.includes(name)) this.#viewer.attributesChanged();
    else this.#mount(); // a new corpus or URL mode: start afresh
  }

  async #mount() {
    const attempt = ++this.#mounting;
    this.#viewer?.unmount();
    this.#viewer = null;
    const [glue] = await Promise.all([loadViewer(), this.#styled]);
    if (attempt !== this.#mounting || !this.isConnected) return;
    // Without a src attribute: the corpus published next to this script.
    this.#viewer = glue.mountViewer(this.#point, this, new URL('corpus/index.json', here).href);
  }
}

if (!customElements.get('lede-viewer')) customElements.define('lede-viewer', LedeViewer);
