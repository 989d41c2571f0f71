// The chat page: asks, streams answers in, renders [n] markers as buttons that open the source panel.

import { ask, AskError, type AskResponse, type Citation, type Turn } from "./api.js";
import { appendHighlighted, byId, el } from "./dom.js";

const messages = byId<HTMLOListElement>("messages");
const input = byId<HTMLTextAreaElement>("question");
const askButton = byId<HTMLButtonElement>("ask");
const form = byId<HTMLFormElement>("ask-form");
const examples = byId("examples");
const panel = byId("source");
let history: Turn[] = [];
let busy = false;
let lastTrigger: HTMLElement | undefined;

/** Renders answer text with each [n] as a button; everything else as text. */
function renderAnswer(target: HTMLElement, r: AskResponse): void {
  target.replaceChildren();
  const byN = new Map(r.citations.map((c) => [c.n, c]));
  let pos = 0;
  for (const m of r.answer.matchAll(/\[(\d{1,3})\]/g)) {
    target.append(r.answer.slice(pos, m.index));
    const c = byN.get(Number(m[1]));
    if (c) {
      const b = el("button", { className: "cite", text: `[${c.n}]`, attrs: { type: "button", "data-testid": "citation", "aria-label": `出处 ${c.n}：${c.articleTitle}`, "aria-pressed": "false" } });
      b.addEventListener("click", () => openSource(c, b));
      target.append(b);
    } else target.append(m[0]);
    pos = m.index! + m[0].length;
  }
  target.append(r.answer.slice(pos));
}

function openSource(c: Citation, trigger: HTMLElement): void {
  document.querySelectorAll('.cite[aria-pressed="true"]').forEach((b) => b.setAttribute("aria-pressed", "false"));
  trigger.setAttribute("aria-pressed", "true");
  lastTrigger = trigger;
  const [speaker, ...body] = c.text.split("\n");
  const hasSpeaker = body.length > 0 && /\s\S{2,4}$/.test(speaker ?? "") && !/[。！？]/.test(speaker ?? "");
  byId("source-n").textContent = `[${c.n}]`;
  byId("source-title").textContent = c.articleTitle;
  byId("source-heading").textContent = c.heading;
  byId("source-speaker").textContent = hasSpeaker ? speaker! : "";
  const text = byId("source-text");
  text.replaceChildren();
  appendHighlighted(text, c.text, (c.quote ?? "").split("\n"));
  byId<HTMLAnchorElement>("source-link").href = `/articles/${encodeURIComponent(c.articleId)}#${encodeURIComponent(c.sectionId)}`;
  panel.hidden = false;
  panel.focus();
}

function closeSource(): void {
  panel.hidden = true;
  lastTrigger?.focus();
}

async function copyAnswer(r: AskResponse): Promise<void> {
  const sources = r.citations.map((c) => `[${c.n}] 《${c.articleTitle}》${c.heading}${c.quote ? `：${c.quote.replace(/\n/g, " ")}` : ""}`);
  const text = `${r.answer}\n\n出处：\n${sources.join("\n")}`;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const t = el("textarea", { text });
    document.body.append(t);
    t.select();
    document.execCommand("copy");
    t.remove();
  }
}

async function submit(question: string): Promise<void> {
  if (busy || !question.trim()) return;
  busy = true;
  askButton.disabled = true;
  examples.hidden = true;
  document.querySelectorAll('[data-testid="answer"]').forEach((n) => n.removeAttribute("data-testid"));
  messages.append(el("li", { className: "msg user", text: question }));
  const state = el("div", { className: "state", text: "正在检索文章、组织回答…" });
  const body = el("div", { attrs: { "data-testid": "answer" } });
  const item = el("li", { className: "msg assistant", attrs: { "aria-busy": "true" } }, state, body);
  messages.append(item);
  item.scrollIntoView({ block: "end" });
  try {
    const r = await ask(question, history, (t) => {
      state.textContent = "正在回答…";
      body.append(t);
    });
    item.removeAttribute("aria-busy");
    state.remove();
    if (r.rewrittenQuestion) item.prepend(el("div", { className: "rewritten", text: `理解为：${r.rewrittenQuestion}` }));
    renderAnswer(body, r);
    if (!r.answerable) {
      item.classList.add("refusal");
      item.prepend(el("div", { className: "state", text: "文章中没有找到答案" }));
    }
    const copy = el("button", { className: "ghost", text: "复制回答和出处", attrs: { type: "button" } });
    copy.addEventListener("click", () => void copyAnswer(r).then(() => (copy.textContent = "已复制")));
    item.append(el("div", { className: "actions" }, copy));
    history = [...history, { role: "user" as const, content: question }, { role: "assistant" as const, content: r.answer.slice(0, 8000) }].slice(-20);
  } catch (err) {
    item.removeAttribute("aria-busy");
    item.classList.add("error");
    state.textContent = err instanceof AskError ? err.message : "出错了，请重试。";
    body.replaceChildren();
    const retry = el("button", { text: "重试", attrs: { type: "button", "data-testid": "retry" } });
    retry.addEventListener("click", () => {
      item.previousElementSibling?.remove();
      item.remove();
      void submit(question);
    });
    item.append(el("div", { className: "actions" }, retry));
  } finally {
    busy = false;
    askButton.disabled = false;
    item.scrollIntoView({ block: "end" });
  }
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const q = input.value;
  input.value = "";
  void submit(q);
});
input.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    form.requestSubmit();
  }
});
for (const b of examples.querySelectorAll<HTMLButtonElement>(".example")) b.addEventListener("click", () => void submit(b.textContent ?? ""));
byId("source-close").addEventListener("click", closeSource);
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && !panel.hidden) closeSource();
});
byId("new-chat").addEventListener("click", () => {
  history = [];
  messages.replaceChildren();
  examples.hidden = false;
  panel.hidden = true;
  input.focus();
});
input.focus();
