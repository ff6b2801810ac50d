// The analysts' page: pick articles, choose languages, watch the job, download memos.
// Plain JavaScript with no outside resources: the service runs offline.
// Every text a user reads comes from TEXT in the chosen language; what the API sends is
// read as data (statuses, codes, languages, commands), never shown as English prose.
"use strict";

const TEXT = {
  ru: { title: "Брифинги из статей", drop: "Перетащите статьи сюда или нажмите, чтобы выбрать",
        languages: "Языки записок", formats: "Форматы", options: "Параметры",
        fulltext: "Добавить полный текст", submit: "Подготовить записки", nav: "Язык интерфейса",
        local: "Работает полностью локально: файлы не покидают этот компьютер.",
        shared: "Файлы обрабатываются на сервере организации и не передаются в интернет.",
        queued: "В очереди…", running: "Обработка", reading: "чтение и отбор главного",
        done: "Готово", failed: "Ошибка",
        ok: "готово", error: "не удалось обработать", details: "подробности",
        missing: "нет модели перевода на {lang}; установите её командой:",
        offline: "без интернета:", fallback: "записка написана на языке статьи",
        apikey: "Ключ доступа к сервису:",
        http: { 400: "запрос отклонён: файл пустой, двоичный или не своего формата",
                401: "нужен верный ключ доступа", 404: "задание не найдено",
                413: "файл или запрос слишком велик", 415: "формат файла не поддерживается",
                422: "файл не подходит: пустой, повреждённый или не статья",
                429: "сервис занят, повторите позже", 0: "сервис не отвечает",
                other: "сервис вернул ошибку {code}" },
        mode: "Что подготовить", mode_briefs: "Записку на каждую статью",
        mode_digest: "Обзор прессы: каждый сюжет один раз",
        names: { ru: "русский", en: "английский", kk: "казахский" } },
  kk: { title: "Мақалалардан брифингтер", drop: "Мақалаларды осында сүйреңіз немесе таңдау үшін басыңыз",
        languages: "Жазбалар тілдері", formats: "Пішімдер", options: "Параметрлер",
        fulltext: "Толық мәтінді қосу", submit: "Жазбаларды дайындау", nav: "Интерфейс тілі",
        local: "Толығымен жергілікті жұмыс істейді: файлдар осы компьютерден шықпайды.",
        shared: "Файлдар ұйымның серверінде өңделеді және интернетке жіберілмейді.",
        queued: "Кезекте…", running: "Өңделуде", reading: "оқу және негізгісін іріктеу",
        done: "Дайын", failed: "Қате",
        ok: "дайын", error: "өңделмеді", details: "толығырақ",
        missing: "{lang} тіліне аударма моделі жоқ; мына командамен орнатыңыз:",
        offline: "интернетсіз:", fallback: "жазба мақала тілінде жазылды",
        apikey: "Сервиске кіру кілті:",
        http: { 400: "сұрау қабылданбады: файл бос, екілік немесе пішімі сәйкес емес",
                401: "дұрыс кіру кілті қажет", 404: "тапсырма табылмады",
                413: "файл немесе сұрау тым үлкен", 415: "файл пішіміне қолдау жоқ",
                422: "файл жарамсыз: бос, бүлінген немесе мақала емес",
                429: "сервис бос емес, кейінірек қайталаңыз", 0: "сервис жауап бермейді",
                other: "сервис {code} қатесін қайтарды" },
        mode: "Не дайындау", mode_briefs: "Әр мақалаға жазба",
        mode_digest: "Баспасөзге шолу: әр сюжет бір рет",
        names: { ru: "орыс", en: "ағылшын", kk: "қазақ" } },
  en: { title: "Briefings from articles", drop: "Drop articles here or click to choose",
        languages: "Memo languages", formats: "Formats", options: "Options",
        fulltext: "Add the full text", submit: "Prepare memos", nav: "Interface language",
        local: "Runs entirely on this computer: files never leave it.",
        shared: "Files are processed on your organisation's server and never sent to the internet.",
        queued: "Queued…", running: "Working", reading: "reading and summarizing",
        done: "Done", failed: "Failed",
        ok: "done", error: "could not be processed", details: "details",
        missing: "no translation model for {lang}; install one with:",
        offline: "without internet:", fallback: "the memo is in the article's language",
        apikey: "Access key of the service (API key):",
        http: { 400: "request refused: a file is empty, binary or not what its name says",
                401: "a valid access key is needed", 404: "no such job",
                413: "file or request too large", 415: "file format not supported",
                422: "file not usable: empty, damaged or not an article",
                429: "the service is busy, try again later", 0: "the service does not answer",
                other: "the service answered with error {code}" },
        mode: "Prepare", mode_briefs: "A memo per article",
        mode_digest: "A press digest: each story once",
        names: { ru: "Russian", en: "English", kk: "Kazakh" } },
};
let lang = localStorage.getItem("processor-ui") || "ru";
let shown = null; // what the status area shows, re-drawn when the language changes
let loopbackOnly = null; // unknown until /health answers: promise nothing meanwhile

const $ = (id) => document.getElementById(id);
const files = $("files");
const t = () => TEXT[lang];
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? "");

// A service beyond loopback asks for its API key: asked once, kept for this tab only.
async function api(url, options = {}) {
  const key = sessionStorage.getItem("processor-key");
  const headers = key ? { "X-API-Key": key } : {};
  // The page's token: the service takes state-changing requests only with it (guard.py).
  const token = document.querySelector('meta[name="processor-token"]');
  if (token) headers["X-Processor-Token"] = token.content;
  const res = await fetch(url, { ...options, headers });
  if (res.status === 401) {
    const entered = prompt(t().apikey);
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

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

// The service's own words (an error line in English) stay behind "details", marked as such.
function details(text) {
  const box = element("details", "muted");
  box.append(element("summary", "", t().details));
  const samp = element("samp", "", text);
  samp.lang = "en";
  box.append(samp);
  return box;
}

function httpProblem(code) {
  return t().http[code] || fill(t().http.other, { code });
}

// The commands in an install hint ("processor models install ..."), shown as code.
function commands(install) {
  return (install || "").match(/processor models install [^\s()]+(?: --name [^\s()]+)?/g) || [];
}

function drawMissing(li, missing) {
  for (const item of missing || []) {
    const row = element("div", "muted missing");
    row.append(fill(t().missing, { lang: t().names[item.language] || item.language }), " ");
    commands(item.install).forEach((command, i) => {
      if (i > 0) row.append(" ", t().offline, " ");
      row.append(element("code", "", command));
    });
    li.append(row);
  }
}

function drawOutcome(job, outcome) {
  const li = element("li", outcome.status === "error" ? "bad" : "ok");
  li.dataset.status = outcome.status;
  li.append(`${outcome.source}: `);
  // A digest job also lists each input with its story, or why it is not in the digest.
  if (outcome.story) li.append(`${outcome.story} `);
  const outputs = outcome.outputs || [];
  for (const name of outputs) {
    const a = element("a", "result", name);
    a.href = `/api/jobs/${job.id}/files/${encodeURIComponent(name)}`;
    a.dataset.href = a.href;
    a.download = name;
    a.addEventListener("click", download);
    li.append(a, " ");
  }
  if (outcome.status === "error") li.append(t().error, details(outcome.error || outcome.reason || ""));
  else if (!outputs.length) li.append(t().ok);
  const wanted = (outcome.missing || []).map((m) => m.language);
  if (wanted.length && outputs.length && outputs.every((n) => !wanted.some((w) => n.includes(`.${w}.`)))) {
    li.append(element("div", "muted", t().fallback));
  }
  drawMissing(li, outcome.missing);
  return li;
}

function drawStatus() {
  if (!shown) return;
  const state = $("state");
  const list = $("results");
  list.replaceChildren();
  if (shown.kind === "queued") { state.textContent = t().queued; return; }
  if (shown.kind === "http") {
    state.replaceChildren(`${t().failed}: ${httpProblem(shown.code)}`);
    if (shown.detail) state.append(details(shown.detail));
    return;
  }
  const job = shown.job;
  if (job.status === "running") {
    state.textContent = `${t().running}: ${job.current || t().reading} (${job.done}/${job.total})`;
  } else {
    state.textContent = t()[job.status] || job.status;
  }
  if (job.error) { const li = element("li", "bad", t().error); li.append(details(job.error)); list.append(li); }
  for (const outcome of job.outcomes || []) list.append(drawOutcome(job, outcome));
}

function setLanguage(code) {
  lang = TEXT[code] ? code : "ru";
  localStorage.setItem("processor-ui", lang);
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t()[el.dataset.i18n]; });
  document.querySelector("nav").setAttribute("aria-label", t().nav);
  document.querySelectorAll("[data-lang]").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.lang === lang)));
  drawFooter();
  drawStatus();
}

function drawFooter() {
  $("footer").textContent = loopbackOnly === null ? "" : loopbackOnly ? t().local : t().shared;
}

function showChosen() {
  $("chosen").replaceChildren(...[...files.files].map((f) => element("li", "", f.name)));
  $("submit").disabled = files.files.length === 0;
}

function checked(name) {
  return [...document.querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value).join(",");
}

async function poll(url) {
  let res;
  try { res = await api(url); } catch { shown = { kind: "http", code: 0 }; drawStatus(); $("submit").disabled = false; return; }
  if (!res.ok) { shown = { kind: "http", code: res.status }; drawStatus(); $("submit").disabled = false; return; }
  const job = await res.json();
  shown = { kind: "job", job };
  $("bar").max = Math.max(job.total, 1);
  $("bar").value = job.status === "done" ? job.total : job.done;
  drawStatus();
  // The server answers as soon as the job changes past the version seen (or after 5 s).
  if (job.status === "queued" || job.status === "running") { poll(`${url.split("?")[0]}?after=${job.version}&wait=5`); return; }
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
  shown = { kind: "queued" };
  drawStatus();
  let res;
  const mode = document.querySelector("input[name=mode]:checked").value;
  try { res = await api(`/api/${mode}`, { method: "POST", body }); } catch { res = null; }
  if (!res || !res.ok) {
    const detail = res ? (await res.json().catch(() => ({}))).detail : "";
    shown = { kind: "http", code: res ? res.status : 0, detail: typeof detail === "string" ? detail : "" };
    drawStatus();
    $("submit").disabled = false;
    return;
  }
  const job = await res.json();
  poll(`/api/jobs/${job.id}`);
});

// Whether the service listens beyond this computer decides what the footer may promise.
fetch("/health").then((r) => r.json()).then((h) => { loopbackOnly = h.loopback_only === true; drawFooter(); }).catch(() => {});
setLanguage(lang);
