// The full-article page: /articles/:id#section shows the article and brings that section into view.

import { el } from "./dom.js";

interface Article {
  id: string;
  title: string;
  subtitle?: string;
  byline?: string;
  sections: { id: string; heading: string; speaker?: string; text: string }[];
}

async function main(): Promise<void> {
  const root = document.getElementById("article")!;
  const id = decodeURIComponent(location.pathname.split("/").pop() ?? "");
  const res = await fetch(`/api/articles/${encodeURIComponent(id)}`).catch(() => undefined);
  if (!res?.ok) {
    root.replaceChildren(el("p", { className: "status", text: res?.status === 404 ? "没有这篇文章。" : "文章加载失败，请刷新重试。" }));
    return;
  }
  const { article } = (await res.json()) as { article: Article };
  document.title = `${article.title} · 工会新闻问答`;
  root.replaceChildren(
    el("h1", { text: article.title }),
    ...(article.subtitle ? [el("p", { className: "meta", text: `——${article.subtitle}` })] : []),
    ...(article.byline ? [el("p", { className: "meta", text: article.byline })] : []),
    ...article.sections.map((s) =>
      el(
        "section",
        { attrs: { id: s.id } },
        el("h2", { text: s.heading }),
        ...(s.speaker ? [el("p", { className: "meta", text: s.speaker })] : []),
        ...s.text.split("\n").map((p) => el("p", { text: p })),
      ),
    ),
  );
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target) {
    target.classList.add("target");
    target.scrollIntoView({ block: "start" });
  }
}

void main();
