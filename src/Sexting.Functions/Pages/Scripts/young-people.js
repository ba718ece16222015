// Adding and removing young people in the referral form, as progressive enhancement: without
// JavaScript the form shows one section and an "Add another young person" button that posts
// the form back to /api/form?people=N, which renders one more section.
const numbered = /youngPeople(\[|-)\d+(\]|-)/g;
const attributes = ["name", "id", "for", "aria-describedby", "href"];

function renumber(section, index) {
  const replace = (value) => value.replace(numbered, (_, open, close) => `youngPeople${open}${index}${close}`);
  for (const element of [section, ...section.querySelectorAll("*")]) {
    for (const attribute of attributes) {
      const value = element.getAttribute(attribute);
      if (value !== null) {
        element.setAttribute(attribute, replace(value));
      }
    }
  }
  section.querySelector("[data-app-young-person-number]").textContent = String(index + 1);
  section.querySelector("[data-app-remove-young-person]").textContent = `Remove young person ${index + 1}`;
}

function clear(section) {
  for (const message of section.querySelectorAll(".govuk-error-message")) {
    message.remove();
  }
  for (const group of section.querySelectorAll(".govuk-form-group--error")) {
    group.classList.remove("govuk-form-group--error");
  }
  for (const input of section.querySelectorAll("input, textarea")) {
    input.classList.remove("govuk-input--error", "govuk-textarea--error");
    const describedBy = (input.getAttribute("aria-describedby") || "")
      .split(" ").filter((id) => id && !id.endsWith("-error")).join(" ");
    if (describedBy) {
      input.setAttribute("aria-describedby", describedBy);
    } else {
      input.removeAttribute("aria-describedby");
    }
    if (input.type === "radio" || input.type === "checkbox") {
      input.checked = false;
    } else {
      input.value = "";
    }
  }
}

export function enhanceYoungPeople(root) {
  const container = root.querySelector("[data-app-young-people]");
  if (!container) {
    return;
  }

  const max = Number(container.getAttribute("data-max")) || 20;
  const addButton = root.querySelector("[data-app-add-young-person]");
  const fallback = root.querySelector("[data-app-add-young-person-fallback]");
  const status = root.querySelector("[data-app-young-people-status]");
  const sections = () => [...container.querySelectorAll("[data-app-young-person]")];

  const refresh = () => {
    const all = sections();
    all.forEach((section, index) => {
      renumber(section, index);
      section.querySelector("[data-app-remove-young-person]").hidden = all.length < 2;
    });
    addButton.hidden = all.length >= max;
  };

  addButton.addEventListener("click", () => {
    const all = sections();
    if (all.length >= max) {
      return;
    }
    const copy = all[0].cloneNode(true);
    clear(copy);
    container.appendChild(copy);
    refresh();
    status.textContent = `Young person ${all.length + 1} added`;
    copy.querySelector("input[type=text]").focus();
  });

  container.addEventListener("click", (event) => {
    const button = event.target.closest("[data-app-remove-young-person]");
    if (!button) {
      return;
    }
    const all = sections();
    const index = all.indexOf(button.closest("[data-app-young-person]"));
    if (index < 0 || all.length < 2) {
      return;
    }
    all[index].remove();
    refresh();
    status.textContent = `Young person ${index + 1} removed`;
    const remaining = sections();
    remaining[Math.min(index, remaining.length - 1)].querySelector("input[type=text]").focus();
  });

  if (fallback) {
    fallback.hidden = true;
  }
  addButton.hidden = false;
  refresh();
}
