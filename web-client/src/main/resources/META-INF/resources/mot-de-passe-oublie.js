// "Mot de passe oublié": the answer is the same whether the username exists or not.

import { postJson } from "./api.js";
import { formData, REFUSED, say, submitting } from "./ui.js";

const form = document.getElementById("demande");
const message = document.getElementById("message");

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const answer = await submitting(form, message, () => postJson("/api/accounts/password-reset", formData(form)));
  if (answer !== REFUSED) {
    say(message, answer.message, "success");
  }
});
