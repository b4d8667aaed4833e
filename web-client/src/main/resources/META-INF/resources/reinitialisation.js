// The page of the password reset link: the new password goes with the link's secret.

import { postJson } from "./api.js";
import { linkToken, REFUSED, say, submitting } from "./ui.js";

const form = document.getElementById("nouveau");
const message = document.getElementById("message");

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const password = form.querySelector("#password").value;
  const answer = await submitting(form, message, () => postJson("/api/accounts/password-reset/confirmation",
                                                               { token: linkToken() || "", password }));
  if (answer === REFUSED) {
    return;
  }
  form.hidden = true;
  say(message, answer.message, "success");
  document.getElementById("connexion").hidden = false;
});
