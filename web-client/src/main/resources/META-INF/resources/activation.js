// The page of the activation link: sends its secret (kept after "#", so no server logs it)
// and, when the link has expired, offers a new one.

import { postJson } from "./api.js";
import { linkToken, say } from "./ui.js";

const message = document.getElementById("message");
const login = document.getElementById("connexion");
const renew = document.getElementById("renouveler");
const token = linkToken();

async function activate() {
  if (!token) {
    say(message, "Ce lien est incomplet. Ouvrez le lien complet du dernier e-mail reçu.");
    return;
  }
  try {
    const answer = await postJson("/api/accounts/activation", { token });
    say(message, answer.message, "success");
    login.hidden = false;
  } catch (error) {
    say(message, error.message);
    if (error.code === "ACTIVATION_LINK_EXPIRED" || error.code === "ACTIVATION_LINK_REPLACED") {
      renew.hidden = false;
    }
    if (error.code === "ACTIVATION_LINK_USED") {
      login.hidden = false;
    }
  }
}

renew.addEventListener("click", async () => {
  renew.disabled = true;
  try {
    const answer = await postJson("/api/accounts/activation/renewal", { token });
    say(message, answer.message, "success");
    renew.hidden = true;
  } catch (error) {
    say(message, error.message);
  } finally {
    renew.disabled = false;
  }
});

activate();
