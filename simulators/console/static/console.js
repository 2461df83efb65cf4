// The SSBTEK web console: plain JavaScript, no build step, nothing from outside this origin.
// Every text from the server goes into the page as text (never as HTML).

const KODER = ["AF", "CSN", "FK", "SKV", "SO", "TNS", "MIV"];
const NAMN = {
  AF: "Arbetsförmedlingen",
  CSN: "CSN",
  FK: "Försäkringskassan/Pensionsmyndigheten",
  SKV: "Skatteverket",
  SO: "A-kassorna",
  TNS: "Transportstyrelsen",
  MIV: "Migrationsverket",
  ssbt: "Sammansatt bastjänst",
};
const UTFALL = {
  data: "data",
  BT: "fel från bastjänst",
  SSBT: "fel i SSBT",
  fault: "SOAP Fault",
  fel: "fel",
};
const MAX_RADER = 500;

/** Builds an element: h("p", { class: "x" }, "text", child). */
function h(tag, attrs, ...barn) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const b of barn.flat()) if (b !== undefined && b !== null) e.append(b instanceof Node ? b : String(b));
  return e;
}

const $ = (id) => document.getElementById(id);

// The admin token, when the simulator asks for one (non-loopback --host), is an HttpOnly cookie
// set when the page was opened as /__console?token=…: same-origin requests carry it.
function medToken(init) {
  return { credentials: "same-origin", ...init };
}

async function hamta(url, init) {
  const res = await fetch(url, medToken(init));
  const typ = res.headers.get("content-type") || "";
  const data = typ.includes("json") ? await res.json() : await res.text();
  if (!res.ok) throw new Error(data?.message || `HTTP ${res.status}`);
  return data;
}

function sekunder(ms) {
  if (ms < 1000) return `${Math.round(ms)}\u00a0ms`;
  return `${(Math.round(ms / 100) / 10).toFixed(1).replace(".", ",")}\u00a0s`;
}

function klass(ms) {
  if (ms > 12000) return "fel";
  if (ms > 7000) return "varning";
  return "ok";
}

function tid(iso) {
  const d = new Date(iso);
  return d.toLocaleTimeString("sv-SE", { hour12: false });
}

// ---------------------------------------------------------------------------------------------
// Tabs (WAI-ARIA tabs pattern: arrow keys move between tabs, Home/End jump)

const flikar = Array.from(document.querySelectorAll('[role="tab"]'));

function visaFlik(id) {
  for (const f of flikar) {
    const vald = f.id === id;
    f.setAttribute("aria-selected", String(vald));
    f.tabIndex = vald ? 0 : -1;
    $(f.getAttribute("aria-controls")).hidden = !vald;
  }
  const f = $(id);
  if (f) f.focus();
  if (id === "flik-serviceniva") laddaServiceniva();
  if (id === "flik-storningar") laddaStorningar();
}

for (const f of flikar) {
  f.addEventListener("click", () => visaFlik(f.id));
  f.addEventListener("keydown", (e) => {
    const i = flikar.indexOf(f);
    let j = -1;
    if (e.key === "ArrowRight") j = (i + 1) % flikar.length;
    else if (e.key === "ArrowLeft") j = (i - 1 + flikar.length) % flikar.length;
    else if (e.key === "Home") j = 0;
    else if (e.key === "End") j = flikar.length - 1;
    if (j >= 0) {
      e.preventDefault();
      visaFlik(flikar[j].id);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Trafik

let utbyten = [];

function passarFilter(u) {
  const persona = $("filter-persona").value;
  const utfall = $("filter-utfall").value;
  const bastjanst = $("filter-bastjanst").value;
  if (persona && u.persona !== persona) return false;
  if (utfall) {
    if (
      utfall === "data"
        ? u.utfall !== "data"
        : !(u.utfall === utfall || u.delar.some((d) => d.utfall === utfall))
    )
      return false;
  }
  if (bastjanst) {
    if (bastjanst === "ssbt") return u.tjanst === "ssbt";
    return u.tjanst === bastjanst || u.delar.some((d) => d.kod === bastjanst);
  }
  return true;
}

function sektionsceller(u) {
  if (u.felkod) return h("span", { class: "sektion fault", text: `SOAP Fault ${u.felkod}` });
  if (!u.delar.length) return h("span", { class: `sektion ${u.utfall}`, text: String(u.status) });
  return h(
    "span",
    { class: "sektioner" },
    u.delar.map((d) =>
      h("span", {
        class: `sektion ${d.utfall}`,
        title: `${NAMN[d.kod]}: ${UTFALL[d.utfall]}${d.felkod ? ` ${d.felkod}` : ""}, ${sekunder(d.ms)}`,
        text: `${d.kod} ${d.utfall === "data" ? "data" : `${d.utfall} ${d.felkod || ""}`}`.trim(),
      }),
    ),
  );
}

function trafikrad(u) {
  return h(
    "tr",
    { "data-id": u.id, "data-utfall": u.utfall },
    h("td", { text: tid(u.tid) }),
    h("td", { text: u.tjanst === "ssbt" ? "SSBT" : u.tjanst }),
    h("td", { text: u.ingivareNamn ? `${u.ingivareNamn} (${u.ingivare})` : u.ingivare || "–" }),
    h("td", { class: "pid", text: u.personidentitet || "–" }),
    h("td", { text: u.operation }),
    h("td", {}, sektionsceller(u)),
    h("td", { class: klass(u.ms), text: sekunder(u.ms) }),
    h(
      "td",
      {},
      h("button", {
        type: "button",
        "aria-label": `Visa utbyte ${u.id} ${u.operation} ${u.personidentitet || ""}`.trim(),
        onclick: () => oppnaUtbyte(u.id),
        text: "Visa",
      }),
    ),
  );
}

function ritaTrafik() {
  const tbody = $("trafik-rader");
  const synliga = utbyten.filter(passarFilter).slice(-MAX_RADER).reverse();
  tbody.replaceChildren(...synliga.map(trafikrad));
  $("trafik-tom").hidden = utbyten.length > 0;
  $("antal").textContent = `${synliga.length} av ${utbyten.length} utbyten`;
}

for (const id of ["filter-persona", "filter-utfall", "filter-bastjanst"])
  $(id).addEventListener("change", ritaTrafik);

// ---------------------------------------------------------------------------------------------
// Event stream

let vantarPa = null;

const HANDELSER = {
  lista(data) {
    utbyten = data;
    ritaTrafik();
  },
  utbyte(u) {
    utbyten.push(u);
    if (utbyten.length > 5000) utbyten = utbyten.slice(-5000);
    ritaTrafik();
    if (vantarPa && u.korrelationsid === vantarPa) {
      vantarPa = null;
      oppnaUtbyte(u.id, "flik-handlaggarvy");
    }
  },
  rensad() {
    laddaIKraft();
    utbyten = [];
    ritaTrafik();
    $("utbyte-innehall").replaceChildren(
      h("p", { class: "tom", text: "Konsolen återställdes: alla utbyten är borttagna." }),
    );
    $("handlaggarvy-innehall").replaceChildren(h("p", { class: "tom", text: "Konsolen återställdes." }));
  },
};

// Server-sent events read with fetch (not EventSource), so the admin token can go in a header.
async function anslut() {
  for (;;) {
    try {
      const res = await fetch("/__console/events", medToken({ headers: { Accept: "text/event-stream" } }));
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      $("anslutning").textContent = "Ansluten – trafiken visas direkt";
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffert = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffert += value;
        let slut = buffert.indexOf("\n\n");
        while (slut >= 0) {
          const block = buffert.slice(0, slut);
          buffert = buffert.slice(slut + 2);
          slut = buffert.indexOf("\n\n");
          let typ = "message";
          const data = [];
          for (const rad of block.split("\n")) {
            if (rad.startsWith("event: ")) typ = rad.slice(7);
            else if (rad.startsWith("data: ")) data.push(rad.slice(6));
          }
          if (data.length && HANDELSER[typ]) HANDELSER[typ](JSON.parse(data.join("\n")));
        }
      }
    } catch (e) {
      $("anslutning").textContent = `Frånkopplad (${e.message}) – försöker igen …`;
    }
    $("anslutning").textContent = "Frånkopplad – försöker igen …";
    await new Promise((r) => setTimeout(r, 2000));
  }
}

// ---------------------------------------------------------------------------------------------
// Exchange detail

async function oppnaUtbyte(id, flik) {
  let u;
  try {
    u = await hamta(`/__console/api/utbyten/${id}`);
  } catch (e) {
    $("utbyte-innehall").replaceChildren(h("p", { class: "fel", role: "alert", text: e.message }));
    visaFlik("flik-utbyte");
    return;
  }
  ritaUtbyte(u);
  ritaHandlaggarvy(u);
  visaFlik(flik || "flik-utbyte");
}

function ritaUtbyte(u) {
  const delar = [
    h(
      "p",
      {},
      `${tid(u.tid)} · ${u.tjanst === "ssbt" ? "Sammansatt bastjänst" : NAMN[u.tjanst]} · ${u.operation} · `,
      `status ${u.status} · `,
      h("span", { class: klass(u.ms), text: sekunder(u.ms) }),
      u.personidentitet ? ` · ${u.personidentitet}` : "",
      u.korrelationsid ? ` · korrelationsid ${u.korrelationsid}` : "",
    ),
    h("div", {}, sektionsceller(u)),
  ];
  if (!u.detalj) {
    delar.push(
      h("p", {
        class: "tom",
        text: "Detaljerna finns inte: de sparas bara medan en konsol är öppen, och bara för de senaste utbytena. Sammanfattningen finns kvar.",
      }),
    );
    $("utbyte-innehall").replaceChildren(...delar);
    return;
  }
  if (u.handlaggarvy)
    delar.push(
      h(
        "p",
        {},
        h("button", {
          type: "button",
          onclick: () => visaFlik("flik-handlaggarvy"),
          text: "Visa handläggarvy",
        }),
      ),
    );
  delar.push(h("h3", { text: `Fältregler (${u.fynd.length})` }));
  delar.push(
    u.fynd.length
      ? h(
          "ul",
          { class: "fynd", "aria-label": "Brutna fältregler" },
          u.fynd.map((f) =>
            h(
              "li",
              {},
              h("code", { text: f.rule }),
              ` ${f.path}`,
              f.value !== undefined ? ` = "${f.value}"` : "",
              ` – ${f.message}`,
            ),
          ),
        )
      : h("p", {
          class: "ok",
          text: "Frågan följer alla fältregler (som certify consumer --record kontrollerar).",
        }),
  );
  delar.push(
    h(
      "div",
      { class: "kolumner" },
      h(
        "div",
        {},
        h("h3", { text: "Fråga" }),
        h("pre", { tabindex: "0", "aria-label": "Frågan", text: u.fraga }),
      ),
      h(
        "div",
        {},
        h("h3", { text: "Svar" }),
        h("pre", { tabindex: "0", "aria-label": "Svaret", text: u.svar }),
      ),
    ),
  );
  if (u.anrop.length) {
    delar.push(h("h3", { text: `Anrop till bastjänster (${u.anrop.length})` }));
    for (const a of u.anrop)
      delar.push(
        h(
          "details",
          {},
          h("summary", { text: `${a.kod} ${a.metod} ${a.path} → ${a.status}, ${sekunder(a.ms)}` }),
          h(
            "div",
            { class: "kolumner" },
            h("pre", { tabindex: "0", "aria-label": `Fråga till ${a.kod}`, text: a.fraga }),
            h("pre", { tabindex: "0", "aria-label": `Svar från ${a.kod}`, text: a.svar }),
          ),
        ),
      );
  }
  $("utbyte-innehall").replaceChildren(...delar);
}

// ---------------------------------------------------------------------------------------------
// Handläggarvy

function ritaHandlaggarvy(u) {
  const vy = u.handlaggarvy;
  if (!vy) {
    $("handlaggarvy-innehall").replaceChildren(
      h("p", {
        class: "tom",
        text: "Det här utbytet har inget svar med uppgifter att visa (fel, anslutningstest eller inte sparat).",
      }),
    );
    return;
  }
  const delar = [
    h("h3", { text: vy.rubrik }),
    h("p", {}, `Person: ${vy.personidentitet}`, vy.namn ? `, ${vy.namn}` : ""),
    h("p", { text: `Frågan ställdes av ${vy.fragadAv}.` }),
  ];
  if (vy.skyddadIdentitet)
    delar.push(
      h("p", {
        class: "skydd",
        role: "note",
        text: "Skyddad identitet: personen har sekretessmarkering. Namn och adress visas inte. Hantera uppgifterna enligt era rutiner för skyddade personuppgifter.",
      }),
    );
  delar.push(h("p", { text: vy.sammanfattning }));
  for (const m of vy.myndigheter) {
    const sektion = h(
      "section",
      { class: "myndighet", "aria-label": m.namn },
      h("h3", { text: m.namn }),
      h("p", { class: "status", text: m.sammanfattning }),
    );
    if (m.fel)
      sektion.append(
        h(
          "div",
          { class: "felruta", role: "group", "aria-label": `Fel från ${m.namn}` },
          h("p", {}, h("strong", { text: m.fel.rubrik })),
          h("p", { text: m.fel.text }),
          h("p", { text: m.fel.rad }),
          h("p", {
            class: "forklaring",
            text: `Teknisk uppgift: källa ${m.fel.kalla === "SSBT" ? "sammansatt bastjänst (SSBT)" : "bastjänsten (BT)"}, felkod ${m.fel.felkod}. ${m.fel.felmeddelande.join(" ")}`,
          }),
        ),
      );
    for (const b of m.block) {
      sektion.append(h("h4", { text: b.rubrik }));
      if (b.tabell) {
        sektion.append(
          h(
            "table",
            { class: "poster", "aria-label": b.rubrik },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                b.tabell.kolumner.map((k) => h("th", { scope: "col", text: k })),
              ),
            ),
            h(
              "tbody",
              {},
              b.tabell.rader.map((r) =>
                h(
                  "tr",
                  {},
                  r.map((v) => h("td", { text: v })),
                ),
              ),
            ),
          ),
        );
        continue;
      }
      sektion.append(
        h(
          "dl",
          { class: "rader" },
          b.rader.flatMap((r) => [
            h("dt", { text: r.etikett }),
            h("dd", { title: r.kod ? `kod ${r.kod}` : undefined, text: r.varde }),
          ]),
        ),
      );
    }
    delar.push(sektion);
  }
  $("handlaggarvy-innehall").replaceChildren(...delar);
}

// ---------------------------------------------------------------------------------------------
// Personer

async function laddaPersoner() {
  const data = await hamta("/__console/api/personer");
  if (!$("period-from").value) $("period-from").value = data.period.fromDatum;
  if (!$("period-tom").value) $("period-tom").value = data.period.tomDatum;
  const sel = $("filter-persona");
  for (const p of data.personer) sel.append(h("option", { value: p.id, text: p.id }));
  $("personer").replaceChildren(
    ...data.personer.map((p) =>
      h(
        "li",
        {},
        h("h3", { text: p.skyddadIdentitet ? `${p.id} (skyddad identitet)` : `${p.namn} – ${p.id}` }),
        h("p", {
          text: `${p.personidentitet} · ${p.typ} · uppgifter hos: ${p.kallor.join(", ") || "ingen"}`,
        }),
        h("p", { text: p.berattelse }),
        h("button", {
          type: "button",
          "aria-label": `Fråga kedjan om ${p.id}`,
          onclick: () => fragaOm(p.id),
          text: "Fråga kedjan",
        }),
      ),
    ),
  );
}

async function fragaOm(persona) {
  const fromDatum = $("period-from").value;
  const tomDatum = $("period-tom").value;
  try {
    const svar = await hamta("/__console/api/fraga", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ persona, fromDatum, tomDatum }),
    });
    vantarPa = svar.korrelationsid;
    // The answer arrives through the event stream; when it was recorded before we listened, look it up.
    const u = utbyten.find((x) => x.korrelationsid === svar.korrelationsid);
    if (u) {
      vantarPa = null;
      oppnaUtbyte(u.id, "flik-handlaggarvy");
    }
  } catch (e) {
    $("anslutning").textContent = `Frågan kunde inte ställas: ${e.message}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Störningar och tider

const STORNINGAR = [
  ["", "ingen"],
  ["down", "nere (anslutningen bryts)"],
  ["slow", "långsam (sekunder)"],
  ["error", "HTTP-fel (statuskod)"],
  ["malformed", "trasigt svar"],
  ["fault", "tekniskt fel (SOAP Fault)"],
  ["closed", "stängd"],
];

let faults = {};
let timing = null;

function iKraftText() {
  const f = Object.entries(faults).map(([k, v]) => `${k}=${v}`);
  const t = timing ? `profil ${timing.profile}, tidsskala ${timing.timeScale}` : "";
  const el = $("i-kraft");
  el.textContent = f.length ? `Störningar i kraft: ${f.join(", ")} · ${t}` : `Inga störningar i kraft · ${t}`;
  el.classList.toggle("aktiv", f.length > 0);
}

async function laddaIKraft() {
  try {
    [faults, timing] = await Promise.all([hamta("/__admin/faults"), hamta("/__admin/timing")]);
    iKraftText();
  } catch (e) {
    $("i-kraft").textContent = `Kunde inte läsa störningar: ${e.message}`;
  }
}

function meddela(text, fel) {
  const m = $("storning-meddelande");
  m.textContent = text;
  m.className = `meddelande ${fel ? "fel" : "ok"}`;
}

async function sattStorningar(nya) {
  try {
    faults = await hamta("/__admin/faults", {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(nya),
    });
    meddela("Störningarna är ändrade.");
  } catch (e) {
    meddela(e.message, true);
  }
  await laddaStorningar();
}

async function laddaStorningar() {
  await laddaIKraft();
  $("storning-rader").replaceChildren(
    ...KODER.map((kod) => {
      const val = h(
        "select",
        { id: `storning-${kod}`, "aria-label": `Ny störning för ${kod}` },
        STORNINGAR.map(([v, t]) => h("option", { value: v, text: t })),
      );
      const varde = h("input", {
        id: `storning-varde-${kod}`,
        type: "number",
        min: "0",
        "aria-label": `Värde för störningen i ${kod} (sekunder eller statuskod)`,
        size: "6",
      });
      // What is in force is what the form starts from ("slow:15s" → långsam, 15).
      const [iKraft, parameter] = (faults[kod] || "").split(":");
      val.value = iKraft || "";
      if (parameter) varde.value = parameter.replace(/s$/, "");
      const tillampa = () => {
        const nya = { ...faults };
        delete nya[kod];
        const typ = val.value;
        if (typ === "slow") nya[kod] = `slow:${varde.value || 15}s`;
        else if (typ === "error") nya[kod] = `error:${varde.value || 502}`;
        else if (typ) nya[kod] = typ;
        sattStorningar(nya);
      };
      return h(
        "tr",
        {},
        h("th", { scope: "row", text: `${kod} – ${NAMN[kod]}` }),
        h("td", { text: faults[kod] || "ingen" }),
        h("td", {}, val),
        h("td", {}, varde),
        h(
          "td",
          {},
          h("button", {
            type: "button",
            "aria-label": `Tillämpa störning för ${kod}`,
            onclick: tillampa,
            text: "Tillämpa",
          }),
        ),
      );
    }),
  );
  if (timing) {
    $("tider-info").textContent =
      `Profil ${timing.profile}, tidsskala ${timing.timeScale} (0 = fördröjningar simuleras utan att vänta), simulerad klocka ${timing.now}. Tidsgräns per bastjänst: ${KODER.map((k) => `${k} ${sekunder(timing.deadlineMs[k])}`).join(", ")}.`;
    $("tider-rader").replaceChildren(
      ...KODER.map((kod) =>
        h(
          "tr",
          {},
          h("th", { scope: "row", text: kod }),
          h(
            "td",
            {},
            h("input", {
              type: "number",
              min: "0",
              id: `median-${kod}`,
              value: timing.timing.latency[kod].medianMs,
              "aria-label": `Median svarstid för ${kod} i millisekunder`,
            }),
          ),
          h(
            "td",
            {},
            h("input", {
              type: "number",
              min: "0",
              id: `p95-${kod}`,
              value: timing.timing.latency[kod].p95Ms,
              "aria-label": `95:e percentilen för ${kod} i millisekunder`,
            }),
          ),
        ),
      ),
    );
    $("tider-felandel").value = timing.timing.errorRate;
    $("tider-timeoutandel").value = timing.timing.timeoutRate;
    $("tider-utanfor").value = timing.timing.openingHours.outside;
  }
}

$("tider-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const latency = {};
  for (const kod of KODER)
    latency[kod] = { medianMs: Number($(`median-${kod}`).value), p95Ms: Number($(`p95-${kod}`).value) };
  try {
    timing = await hamta("/__admin/timing", {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        latency,
        errorRate: Number($("tider-felandel").value),
        timeoutRate: Number($("tider-timeoutandel").value),
        openingHours: { outside: $("tider-utanfor").value },
      }),
    });
    meddela("Tiderna är ändrade.");
  } catch (err) {
    meddela(err.message, true);
  }
  await laddaStorningar();
});

$("ta-bort-storningar").addEventListener("click", async () => {
  try {
    await hamta("/__admin/faults", { method: "DELETE" });
    meddela("Alla störningar är borttagna.");
  } catch (e) {
    meddela(e.message, true);
  }
  await laddaStorningar();
});

$("aterstall").addEventListener("click", async () => {
  try {
    await hamta("/__admin/reset", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    meddela("Allt är återställt: störningar, tider och konsolens utbyten.");
  } catch (e) {
    meddela(e.message, true);
  }
  await laddaStorningar();
});

// ---------------------------------------------------------------------------------------------
// Servicenivå

const SVG = "http://www.w3.org/2000/svg";

function s(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function procent(del, av) {
  return av ? `${(Math.round((del / av) * 1000) / 10).toFixed(1).replace(".", ",")}\u00a0%` : "–";
}

async function laddaServiceniva() {
  let serie;
  try {
    serie = await hamta("/__console/api/servicenivaer");
  } catch (e) {
    $("serviceniva-diagram").replaceChildren(h("p", { class: "fel", text: e.message }));
    return;
  }
  const p = serie.punkter;
  const B = 720;
  const H = 220;
  const M = { v: 48, h: 12, o: 12, u: 28 };
  const maxMs = Math.max(13000, ...p.map((x) => x.max || 0));
  const y = (ms) => M.o + (H - M.o - M.u) * (1 - ms / maxMs);
  const x = (i) => M.v + (p.length <= 1 ? (B - M.v - M.h) / 2 : (i * (B - M.v - M.h)) / (p.length - 1));
  const fragor = p.reduce((a, b) => a + b.fragor, 0);
  const besvarade = p.reduce((a, b) => a + b.besvarade, 0);
  const svar = p.reduce((a, b) => a + b.svar, 0);
  const storning = p.reduce((a, b) => a + b.medStorning, 0);
  const svg = s("svg", {
    viewBox: `0 0 ${B} ${H}`,
    width: "100%",
    role: "img",
    "aria-label": `Svarstid per tidsintervall: p50, p90 och max mot 7 och 12 sekunder. Andel besvarade ${procent(besvarade, fragor)} mot målet 95 %.`,
  });
  for (const [ms, text, farg] of [
    [7000, "7 s", "#8a5a00"],
    [12000, "12 s", "#a3231b"],
  ]) {
    svg.append(
      s("line", { x1: M.v, x2: B - M.h, y1: y(ms), y2: y(ms), stroke: farg, "stroke-dasharray": "4 3" }),
    );
    svg.append(s("text", { x: 4, y: y(ms) + 4 }, text));
  }
  svg.append(s("line", { x1: M.v, x2: M.v, y1: M.o, y2: H - M.u, stroke: "#999" }));
  svg.append(s("line", { x1: M.v, x2: B - M.h, y1: H - M.u, y2: H - M.u, stroke: "#999" }));
  svg.append(s("text", { x: 4, y: H - M.u + 4 }, "0"));
  const serier = [
    ["p50", "#1e6b34"],
    ["p90", "#0b5394"],
    ["max", "#a3231b"],
  ];
  serier.forEach(([nyckel, farg], n) => {
    const pts = p.map((q, i) => (q[nyckel] === null ? null : `${x(i)},${y(q[nyckel])}`)).filter(Boolean);
    if (pts.length > 1)
      svg.append(s("polyline", { points: pts.join(" "), fill: "none", stroke: farg, "stroke-width": 2 }));
    for (const pt of pts) {
      const [cx, cy] = pt.split(",");
      svg.append(s("circle", { cx, cy, r: 3, fill: farg }));
    }
    svg.append(s("rect", { x: M.v + 10 + n * 70, y: H - 14, width: 10, height: 10, fill: farg }));
    svg.append(s("text", { x: M.v + 24 + n * 70, y: H - 5 }, nyckel));
  });
  if (p.length) {
    svg.append(s("text", { x: M.v + 240, y: H - 5 }, `${tid(p[0].fran)} – ${tid(p[p.length - 1].fran)}`));
  }
  $("serviceniva-diagram").replaceChildren(
    h(
      "p",
      {},
      `Besvarade: ${besvarade} av ${fragor} frågor = `,
      h("strong", {
        class: fragor && besvarade / fragor < 0.95 ? "fel" : "ok",
        text: procent(besvarade, fragor),
      }),
      " (mål minst 95\u00a0%) · Tillgänglig med störning: ",
      h("strong", { class: storning ? "fel" : "ok", text: `${storning} av ${svar} svar` }),
    ),
    svg,
  );
  $("serviceniva-rader").replaceChildren(
    ...p
      .slice()
      .reverse()
      .map((q) =>
        h(
          "tr",
          {},
          h("td", { text: tid(q.fran) }),
          h("td", { text: q.svar }),
          h("td", {
            class: q.p50 === null ? "" : klass(q.p50),
            text: q.p50 === null ? "–" : sekunder(q.p50),
          }),
          h("td", {
            class: q.p90 === null ? "" : klass(q.p90),
            text: q.p90 === null ? "–" : sekunder(q.p90),
          }),
          h("td", {
            class: q.max === null ? "" : klass(q.max),
            text: q.max === null ? "–" : sekunder(q.max),
          }),
          h("td", { text: procent(q.besvarade, q.fragor) }),
          h("td", { text: q.medStorning }),
        ),
      ),
  );
}

// ---------------------------------------------------------------------------------------------

anslut();
laddaPersoner().catch((e) => {
  $("personer").replaceChildren(h("li", { class: "fel", text: e.message }));
});
laddaIKraft();
laddaStorningar();
setInterval(laddaIKraft, 3000);
setInterval(() => {
  if (!$("vy-serviceniva").hidden) laddaServiceniva();
}, 5000);
