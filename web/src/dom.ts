// Tiny DOM helpers: every string from articles or answers goes in as text, never as HTML.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id}`);
  return node as T;
}

/** Appends `text` to `parent`, wrapping each occurrence of the `marks` (verbatim lines) in <mark>. */
export function appendHighlighted(parent: HTMLElement, text: string, marks: string[]): void {
  const spans: [number, number][] = [];
  for (const m of marks.filter(Boolean)) {
    const at = text.indexOf(m);
    if (at >= 0) spans.push([at, at + m.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let pos = 0;
  for (const [s, e] of spans) {
    if (s < pos) continue;
    parent.append(text.slice(pos, s), el("mark", { text: text.slice(s, e) }));
    pos = e;
  }
  parent.append(text.slice(pos));
}
