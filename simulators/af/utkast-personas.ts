import type { AfFakta } from "./model.js";

/**
 * AF's ordinary (ers_stod v2) facts about the personas added for the draft contract `utkast`
 * (the last entries of fixtures/personas/personas.json). Kept apart from `FAKTA` in data.ts so
 * the draft's stories can be reviewed, and removed, as one piece; their extension facts are in
 * `utkast-data.ts`. Dates relative to the asked period, like every story.
 */
export const UTKAST_PERSONAS_FAKTA: Readonly<Record<string, AfFakta>> = {
  "af-indraget-aktivitetsstod": {
    arbetssokande: true,
    sokandekategori: "69",
    registrerad: { datum: "2025-03-10" },
    omfattning: 100,
    // No approved report for the last month: the withdrawal's reason.
    aktivitetsrapportering: { kod: "501" },
    // Aktivitetsstöd until the day before it was withdrawn (see utkast-data.ts).
    beslut: [{ ersattningTyp: "AKS", omfattning: 100, fran: { datum: "2025-09-01" }, tom: { fran: -20 } }],
  },
  "af-program-leverantor": {
    arbetssokande: true,
    sokandekategori: "69",
    registrerad: { datum: "2025-01-13" },
    omfattning: 100,
    aktivitetsrapportering: { kod: "200", rapportdag: 8 },
    beslut: [{ ersattningTyp: "AKS", omfattning: 100, fran: { fran: -60 }, tom: { tom: 120 } }],
  },
  "af-avaktualiserad": {
    // Did not answer AF's question about continued registration: deregistered during the period.
    arbetssokande: false,
    registrerad: { datum: "2025-06-02" },
    avaktualiserad: { fran: 10 },
    aktivitetsrapportering: { kod: "200", rapportdag: 11 },
    beslut: [],
    akassa: "Kommunals a-kassa",
  },
};
