// Lede's iframe mode, on the host page: sizes every <iframe data-lede-frame> to the height its
// content reports. A message counts only if it comes from that iframe's window and origin and
// has exactly the expected shape; anything else is ignored.
//
//   <iframe data-lede-frame src="https://news.example/lede/embed.html?parent=https://blog.example"
//           title="Latest news" style="width:100%;border:0"></iframe>
//   <script type="module" src="https://news.example/lede/frame-parent.js"></script>

const MAX_HEIGHT = 100000;

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
    return;
  }
});
