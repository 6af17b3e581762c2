// <lede-viewer>: Lede as a custom element, for pages on any site.
//
//   <script type="module" src="https://news.example/lede/embed.js"></script>
//   <lede-viewer src="https://news.example/lede/corpus/index.json" topic="iraq"></lede-viewer>
//
// This file only defines the element. wasm-bindgen cannot subclass HTMLElement, so the class is
// written here and everything else (state, rendering, events, URL sync) is the Rust viewer,
// mounted into the element's shadow root through `mountViewer`. The wasm, its JS glue and the
// stylesheet load from next to this file (import.meta.url), never from the host page's base URL.
//
// Until the viewer starts, the element shows its own children through a <slot>, e.g.
//   <lede-viewer src="…"><a href="/news/">Read the news</a></lede-viewer>
// and they stay if it cannot start (the module or the wasm blocked or missing); where this file
// never runs at all, the browser shows them as it shows any unknown element's children.

const here = new URL('.', import.meta.url);
let wasm; // one instance of the module for every element on the page

function loadViewer() {
  if (wasm) return wasm;
  wasm = import(new URL('lede.js', here).href)
    .then(async (glue) => {
      await glue.default({ module_or_path: new URL('lede_bg.wasm', here) });
      return glue;
    })
    .catch((error) => {
      // Once per page, however many elements wait for it.
      console.error(
        `lede: <lede-viewer> could not start, so its fallback content stays: ${error?.message || error} ` +
          `(the viewer's files must be reachable from this page, with CORS and the CSP README, "Embedding", lists)`,
      );
      return null;
    });
  return wasm;
}

const VIEW_ATTRIBUTES = ['topic', 'match', 'article', 'entity'];
// How the list is presented: read again on every change (README, "Widget attributes").
const PRESENTATION_ATTRIBUTES = ['heading', 'controls', 'search', 'limit', 'more-href', 'layout', 'lang'];

class LedeViewer extends HTMLElement {
  static observedAttributes = ['src', 'sync-url', ...VIEW_ATTRIBUTES, ...PRESENTATION_ATTRIBUTES];

  #viewer = null; // the mounted Rust viewer
  #mounting = 0; // bumps on every (re)mount or removal, so a slow load never mounts twice
  #point; // the element the viewer renders into, inside the shadow root
  #fallback; // the <slot> that shows the element's children until the viewer starts
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
    this.#fallback = document.createElement('slot');
    this.#fallback.className = 'lede-fallback';
    shadow.append(style, this.#fallback);
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
    if (VIEW_ATTRIBUTES.includes(name)) this.#viewer.attributesChanged(false);
    else if (PRESENTATION_ATTRIBUTES.includes(name)) this.#viewer.attributesChanged(true);
    else this.#mount(); // a new corpus or URL mode: start afresh
  }

  async #mount() {
    const attempt = ++this.#mounting;
    this.#viewer?.unmount();
    this.#viewer = null;
    const [glue] = await Promise.all([loadViewer(), this.#styled]);
    if (attempt !== this.#mounting || !this.isConnected) return;
    if (!glue) {
      this.#showFailure();
      return;
    }
    // The viewer takes the fallback's place (it shows its own loading state and errors).
    if (!this.#point.parentNode) this.#fallback.replaceWith(this.#point);
    // The viewer's own files (its UI strings, and the corpus published with it when there is
    // no src attribute) are next to this script.
    this.#viewer = glue.mountViewer(this.#point, this, here.href);
  }

  /** The viewer cannot start: the children stay; an element without any says so itself. */
  #showFailure() {
    const shown = [...this.childNodes].some((n) => n.nodeType === Node.ELEMENT_NODE || n.textContent.trim());
    if (shown || !this.#fallback.parentNode) return;
    const note = document.createElement('p');
    note.className = 'lede-fallback__note';
    note.textContent = 'The news cannot be shown here.';
    this.#fallback.replaceWith(note); // the slot has nothing to show (at most white space)
  }
}

if (!customElements.get('lede-viewer')) customElements.define('lede-viewer', LedeViewer);
