// The analysts' page: pick articles, choose languages, watch the job, download memos.
// Plain JavaScript with no outside resources: the service runs offline.
"use strict";

const TEXT = {
  ru: { title: "Брифинги из статей", drop: "Перетащите статьи сюда или нажмите, чтобы выбрать",
        languages: "Языки записок", formats: "Форматы", options: "Параметры",
        fulltext: "Добавить полный текст", submit: "Подготовить записки",
        offline: "Работает полностью локально: файлы не покидают этот компьютер.",
        queued: "В очереди…", running: "Обработка", done: "Готово", failed: "Ошибка",
        download: "Скачать", missing: "нет модели", error: "ошибка" },
  kk: { title: "Мақалалардан брифингтер", drop: "Мақалаларды осында сүйреңіз немесе таңдау үшін басыңыз",
        languages: "Жазбалар тілдері", formats: "Пішімдер", options: "Параметрлер",
        fulltext: "Толық мәтінді қосу", submit: "Жазбаларды дайындау",
        offline: "Толығымен жергілікті жұмыс істейді: файлдар осы компьютерден шықпайды.",
        queued: "Кезекте…", running: "Өңделуде", done: "Дайын", failed: "Қате",
        download: "Жүктеп алу", missing: "модель жоқ", error: "қате" },
  en: { title: "Briefings from articles", drop: "Drop articles here or click to choose",
        languages: "Memo languages", formats: "Formats", options: "Options",
        fulltext: "Add the full text", submit: "Prepare memos",
        offline: "Runs entirely on this computer: files never leave it.",
        queued: "Queued…", running: "Working", done: "Done", failed: "Failed",
        download: "Download", missing: "no model", error: "error" },
};
let lang = localStorage.getItem("processor-ui") || "ru";

// A service beyond loopback asks for its API key: asked once, kept for this tab only.
async function api(url, options = {}) {
  const key = sessionStorage.getItem("processor-key");
  const headers = key ? { "X-API-Key": key } : {};
  // The page's token: the service takes state-changing requests only with it (guard.py).
  const token = document.querySelector('meta[name="processor-token"]');
  if (token) headers["X-Processor-Token"] = token.content;
  const res = await fetch(url, { ...options, headers });
  if (res.status === 401) {
    const entered = prompt("API key");
    if (entered) { sessionStorage.setItem("processor-key", entered); return api(url, options); }
  }
  return res;
}

async function download(event) {
  event.preventDefault();
  const a = event.currentTarget;
  const res = await api(a.dataset.href);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await res.blob());
  link.download = a.textContent;
  link.click();
  URL.revokeObjectURL(link.href);
}
const $ = (id) => document.getElementById(id);
const files = $("files");

function setLanguage(code) {
  lang = TEXT[code] ? code : "ru";
  localStorage.setItem("processor-ui", lang);
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = TEXT[lang][el.dataset.i18n]; });
  document.querySelectorAll("[data-lang]").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.lang === lang)));
}

function showChosen() {
  $("chosen").replaceChildren(...[...files.files].map((f) => {
    const li = document.createElement("li"); li.textContent = f.name; return li;
  }));
  $("submit").disabled = files.files.length === 0;
}

function checked(name) {
  return [...document.querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value).join(",");
}

async function poll(url) {
  const res = await api(url);
  const job = await res.json();
  $("state").textContent = job.status === "running"
    ? `${TEXT[lang].running}: ${job.current || ""} (${job.done}/${job.total})` : TEXT[lang][job.status] || job.status;
  $("bar").max = Math.max(job.total, 1);
  $("bar").value = job.status === "done" ? job.total : job.done;
  if (job.status === "queued" || job.status === "running") { setTimeout(() => poll(url), 700); return; }
  const list = $("results");
  list.replaceChildren();
  if (job.error) { const li = document.createElement("li"); li.className = "bad"; li.textContent = job.error; list.append(li); }
  for (const outcome of job.outcomes) {
    const li = document.createElement("li");
    const ok = !outcome.error;
    li.className = ok ? "ok" : "bad";
    li.append(`${outcome.source}: `);
    for (const name of outcome.outputs) {
      const a = document.createElement("a");
      a.href = `/api/jobs/${job.id}/files/${encodeURIComponent(name)}`;
      a.dataset.href = a.href;
      a.textContent = name; a.download = name; a.className = "result";
      a.addEventListener("click", download);
      li.append(a, " ");
    }
    if (outcome.error) li.append(`${TEXT[lang].error}: ${outcome.error}`);
    for (const [code, why] of Object.entries(outcome.missing || {})) {
      const span = document.createElement("div"); span.className = "muted";
      span.textContent = `${code}: ${TEXT[lang].missing} (${why})`; li.append(span);
    }
    list.append(li);
  }
  $("submit").disabled = false;
}

$("drop").addEventListener("click", () => files.click());
$("drop").addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") files.click(); });
$("drop").addEventListener("dragover", (e) => { e.preventDefault(); $("drop").classList.add("over"); });
$("drop").addEventListener("dragleave", () => $("drop").classList.remove("over"));
$("drop").addEventListener("drop", (e) => {
  e.preventDefault(); $("drop").classList.remove("over");
  files.files = e.dataTransfer.files; showChosen();
});
files.addEventListener("change", showChosen);
document.querySelectorAll("[data-lang]").forEach((b) => b.addEventListener("click", () => setLanguage(b.dataset.lang)));

$("form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const body = new FormData();
  for (const f of files.files) body.append("files", f);
  body.append("languages", checked("lang") || "ru");
  body.append("formats", checked("format") || "docx");
  body.append("full_text", $("fulltext").checked ? "true" : "false");
  $("submit").disabled = true;
  $("status").hidden = false;
  $("results").replaceChildren();
  $("state").textContent = TEXT[lang].queued;
  const res = await api("/api/briefs", { method: "POST", body });
  const job = await res.json();
  if (!res.ok) { $("state").textContent = `${TEXT[lang].failed}: ${job.detail}`; $("submit").disabled = false; return; }
  poll(`/api/jobs/${job.id}`);
});

setLanguage(lang);
