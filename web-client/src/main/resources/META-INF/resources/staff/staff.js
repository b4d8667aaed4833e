// The back-office's first page: staff log in, see the dossiers and publish a PDF to one.

import { getJson, postForm, postJson } from "../api.js";
import { formData, REFUSED, say, showSessionInHeader, submitting } from "../ui.js";

const message = document.getElementById("message");
const login = document.getElementById("connexion");
const space = document.getElementById("espace");
const publish = document.getElementById("publier");

async function open() {
  const session = await showSessionInHeader(document.getElementById("session-links"));
  if (!session || session.role !== "STAFF") {
    login.hidden = false;
    return;
  }
  login.hidden = true;
  space.hidden = false;
  const { dossiers } = await getJson("/api/staff/dossiers");
  const select = document.getElementById("dossier");
  select.replaceChildren(...dossiers.map((dossier) => new Option(`${dossier.dossierNumber} – ${dossier.dossierName}`,
                                                                 dossier.dossierNumber)));
  document.getElementById("dossiers").replaceChildren(...dossiers.map((dossier) => {
    const row = document.createElement("tr");
    [dossier.dossierNumber, dossier.dossierName, dossier.guardianNames.join(", "), String(dossier.childCount)]
      .forEach((text) => {
        const td = document.createElement("td");
        td.textContent = text;
        row.append(td);
      });
    return row;
  }));
}

login.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (await submitting(login, message, () => postJson("/api/session", formData(login))) !== REFUSED) {
    window.location.reload();
  }
});

publish.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(publish);
  const dossierNumber = data.get("dossierNumber");
  data.delete("dossierNumber");
  const document_ = await submitting(publish, message, () =>
    postForm(`/api/staff/dossiers/${encodeURIComponent(dossierNumber)}/documents`, data));
  if (document_ === REFUSED) {
    return;
  }
  publish.reset();
  say(message, `« ${document_.title} » est maintenant disponible dans le dossier ${dossierNumber}.`, "success");
});

open();
