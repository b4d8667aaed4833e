// The town's sign-up: username and password, the dossier of the letter, the terms of use,
// then the activation e-mail. A visitor who comes back mid-way resumes at the right step.

import { currentSession, getJson, postJson } from "./api.js";
import { formData, REFUSED, say, submitting } from "./ui.js";

const message = document.getElementById("message");
const forms = {
  compte: document.getElementById("form-compte"),
  dossier: document.getElementById("form-dossier"),
  cgu: document.getElementById("form-cgu"),
};
const steps = ["compte", "dossier", "cgu", "email"];
let termsVersion = null;

function show(step, { email } = {}) {
  forms.compte.hidden = step !== "compte";
  forms.dossier.hidden = step !== "dossier";
  forms.cgu.hidden = step !== "cgu";
  document.getElementById("fin").hidden = step !== "email";
  steps.forEach((name) => {
    const item = document.getElementById(`etape-${name}`);
    if (name === step) {
      item.setAttribute("aria-current", "step");
    } else {
      item.removeAttribute("aria-current");
    }
  });
  if (email) {
    document.getElementById("adresse").textContent = email;
  }
  const heading = document.querySelector(step === "email" ? "#fin h2" : `#form-${step} h2`);
  heading.tabIndex = -1;
  heading.focus();
}

async function resume() {
  getJson("/api/terms").then((terms) => {
    termsVersion = terms.version;
    document.getElementById("version-cgu").textContent = terms.version;
  });
  const session = await currentSession().catch(() => null);
  if (!session || session.role !== "REGISTRANT") {
    return;
  }
  const account = await getJson("/api/registration").catch(() => null);
  if (!account) {
    return;
  }
  if (account.status === "AWAITING_ACTIVATION") {
    show("email", { email: account.email });
  } else if (account.dossierNumbers.length > 0) {
    show("cgu");
  } else {
    show("dossier");
  }
}

forms.compte.addEventListener("submit", async (event) => {
  event.preventDefault();
  const step = await submitting(forms.compte, message, () => postJson("/api/registration", formData(forms.compte)));
  if (step === REFUSED) {
    return;
  }
  forms.compte.querySelector("#password").value = "";
  show("dossier");
});

forms.dossier.addEventListener("submit", async (event) => {
  event.preventDefault();
  const step = await submitting(forms.dossier, message, () => postJson("/api/registration/dossier",
                                                                      formData(forms.dossier)));
  if (step === REFUSED) {
    return;
  }
  const holder = document.getElementById("titulaire");
  holder.hidden = false;
  holder.textContent = `Dossier n° ${formData(forms.dossier).dossierNumber.trim()} trouvé : vous êtes inscrit comme `
    + `${step.guardianName}.`;
  show("cgu");
});

forms.cgu.addEventListener("submit", async (event) => {
  event.preventDefault();
  const accepted = forms.cgu.querySelector("#termsAccepted").checked;
  const step = await submitting(forms.cgu, message, () => postJson("/api/registration/validation",
                                                                  { termsVersion, termsAccepted: accepted }));
  if (step === REFUSED) {
    return;
  }
  show("email", { email: step.email });
});

document.getElementById("autre-dossier").addEventListener("click", () => {
  forms.dossier.reset();
  show("dossier");
});

document.getElementById("renvoyer").addEventListener("click", async () => {
  try {
    const step = await postJson("/api/registration/activation-link", {});
    say(message, `Un nouveau lien a été envoyé à ${step.email}.`, "success");
  } catch (error) {
    say(message, error.message);
  }
});

resume();
