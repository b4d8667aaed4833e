// The public space's login form; a logged-in visitor is shown the way to Mon dossier.

import { postJson } from "./api.js";
import { formData, REFUSED, say, showSessionInHeader, submitting } from "./ui.js";

const form = document.getElementById("connexion");
const message = document.getElementById("connexion-message");

const session = await showSessionInHeader(document.getElementById("session-links"));
if (session && session.authenticated && session.role !== "REGISTRANT") {
  form.hidden = true;
  document.getElementById("connecte").hidden = false;
  document.getElementById("connecte-nom").textContent = session.username;
  if (session.role === "STAFF") {
    const link = document.getElementById("connecte-lien");
    link.href = "staff/index.html";
    link.textContent = "Back-office";
    document.getElementById("connecte-planning").href = "staff/planning.html";
    document.getElementById("connecte-planning").textContent = "Effectifs et fermetures";
  }
}

function offerToResumeSignUp(error) {
  if (error.code === "ACCOUNT_NOT_ACTIVATED") {
    say(message, `${error.message} Reprenez l'inscription pour recevoir un nouveau lien.`);
    const resume = document.createElement("a");
    resume.href = "inscription.html";
    resume.textContent = " Reprendre l'inscription";
    message.append(resume);
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const opened = await submitting(form, message, () => postJson("/api/session", formData(form)), offerToResumeSignUp);
  if (opened === REFUSED) {
    form.querySelector("#mot-de-passe").value = "";
    return;
  }
  window.location.href = opened.role === "STAFF" ? "staff/index.html" : "mon-dossier.html";
});
