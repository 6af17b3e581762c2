// Lede's iframe mode, on the host page: sizes every <iframe data-lede-frame> to the height its
// content reports, and tells the frame this page's colour scheme. A message counts only if it
// comes from that iframe's window and origin and has exactly the expected shape; anything else
// is ignored.
//
//   <iframe data-lede-frame src="https://news.example/lede/embed.html?parent=https://blog.example"
//           title="Latest news" style="width:100%;border:0"></iframe>
//   <script type="module" src="https://news.example/lede/frame-parent.js"></script>
//
// The scheme: a frame cannot see its parent's styles, so with each height report (the frame is
// then up, on the origin its src names; a reloaded frame reports again) and whenever the
// attributes of <html> or <body> change (where dark-mode switches live), this sends the iframe
// element's computed `color-scheme` to that frame's origin as
// { type: "lede:color-scheme", colorScheme }. embed.html follows it unless `?theme=` says
// otherwise (README, "Embedding").

const MAX_HEIGHT = 100000;
const sent = new WeakMap(); // frame -> the color-scheme last sent to it

function isHeightMessage(data) {
  return (
    data !== null &&
    typeof data === 'object' &&
    data.type === 'lede:height' &&
    Number.isFinite(data.height) &&
    data.height >= 0 &&
    data.height <= MAX_HEIGHT &&
    Object.keys(data).length === 2
  );
}

/** Sends `frame` (known to be up on `origin`) this page's scheme for it: always, or if it changed. */
function sendScheme(frame, origin, always) {
  let colorScheme = getComputedStyle(frame).colorScheme || 'normal';
  // `normal` is the page's <meta name="color-scheme">, if it has one (what light-dark() and the
  // browser's own colours follow there), else light.
  if (colorScheme === 'normal') {
    colorScheme = document.querySelector('meta[name="color-scheme" i]')?.content.trim().toLowerCase() || 'normal';
  }
  if (!always && sent.get(frame)?.colorScheme === colorScheme) return;
  sent.set(frame, { colorScheme, origin });
  frame.contentWindow?.postMessage({ type: 'lede:color-scheme', colorScheme }, origin);
}

window.addEventListener('message', (event) => {
  if (!isHeightMessage(event.data)) return;
  for (const frame of document.querySelectorAll('iframe[data-lede-frame]')) {
    if (frame.contentWindow !== event.source) continue;
    let origin;
    try {
      origin = new URL(frame.src, document.baseURI).origin;
    } catch {
      return;
    }
    if (event.origin !== origin) return;
    frame.style.height = `${Math.ceil(event.data.height)}px`;
    sendScheme(frame, origin, true);
    return;
  }
});

const schemeWatch = new MutationObserver(() => {
  for (const frame of document.querySelectorAll('iframe[data-lede-frame]')) {
    const last = sent.get(frame);
    if (last) sendScheme(frame, last.origin, false);
  }
});
for (const element of [document.documentElement, document.body]) {
  if (element) schemeWatch.observe(element, { attributes: true });
}
