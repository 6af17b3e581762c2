// Makes the elements a `Drawing` describes (src/web/dom.rs, which lays out the instructions),
// in one call out of the wasm instead of one per element, attribute and text. Text goes into
// text nodes only: nothing here parses HTML.
export function draw(parent, ops, text, onerror, kept) {
  const document = parent.ownerDocument;
  let at = parent;
  let i = 0;
  const string = () => {
    const start = ops[i++];
    return text.slice(start, start + ops[i++]);
  };
  while (i < ops.length) {
    switch (ops[i++]) {
      case 0: at = at.appendChild(document.createElement(string())); break;
      case 1:
        if (at === parent) throw new Error("draw: a close past the drawing's parent");
        at = at.parentNode;
        break;
      case 2: at.setAttribute(string(), string()); break;
      case 3: at.append(string()); break;
      case 4: at.style.setProperty(string(), string()); break;
      case 5: at.onerror = onerror; break;
      case 6: at = at.appendChild(kept[ops[i++]].cloneNode()); break;
      case 7: kept[ops[i++]] = at.cloneNode(); break;
      default: throw new Error("draw: unknown instruction");
    }
  }
}
