// The admin console: a small page over the management API (/api/v1). The token lives only in this
// tab's sessionStorage and goes out in the Authorization header, never in a URL or a cookie, so a
// page on another site cannot make the browser act with it (no cross-site request forgery).
// Everything shown is built with textContent: nothing from the API is parsed as HTML.

const session = {
  get: () => JSON.parse(sessionStorage.getItem("alertspanel.session") ?? "null"),
  set: (value) => sessionStorage.setItem("alertspanel.session", JSON.stringify(value)),
  clear: () => sessionStorage.removeItem("alertspanel.session"),
};

class SignedOut extends Error {}

// ---- the management API ---------------------------------------------------------------------

async function api(path, { method = "GET", body } = {}) {
  const { cid, token } = session.get() ?? {};
  const response = await fetch(`/api/v1/customers/${encodeURIComponent(cid)}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 401) {
    throw new SignedOut();
  }
  if (response.status === 204) {
    return null;
  }
  const data = response.headers.get("Content-Type")?.includes("json") ? await response.json() : null;
  if (!response.ok) {
    throw new Error(data?.detail ?? data?.title ?? `The service answered ${response.status}.`);
  }
  return data;
}

// ---- building the page ----------------------------------------------------------------------

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, "");
    else if (value !== false && value != null) element.setAttribute(name, value);
  }
  element.append(...children.flat().filter((c) => c != null).map((c) => (c instanceof Node ? c : document.createTextNode(String(c)))));
  return element;
}

const view = () => document.getElementById("view");

function show(title, ...content) {
  document.title = `${title} · AlertsPanel console`;
  view().replaceChildren(h("h1", {}, title), ...content);
}

function say(message, isError = false) {
  const status = document.getElementById("status");
  status.className = isError ? "error" : "";
  status.setAttribute("role", isError ? "alert" : "status");
  status.textContent = message;
}

const when = (iso) => (iso ? new Date(iso).toLocaleString() : "—");
const empty = (text) => h("p", { class: "empty" }, text);
const card = (...content) => h("section", { class: "card" }, ...content);

function table(columns, rows, emptyText) {
  if (rows.length === 0) return empty(emptyText);
  return h("table", { class: "stack" },
    h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((cell, i) => h("td", { "data-label": columns[i] }, cell))))));
}

function copyButton(text, what) {
  return h("button", {
    type: "button", class: "secondary", "aria-label": `Copy ${what}`,
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(text);
        say(`Copied ${what}.`);
      } catch {
        say(`Could not copy ${what}; select it and copy by hand.`, true);
      }
    },
  }, "Copy");
}

const copyable = (text, what) => h("span", { class: "value" }, h("code", {}, text), copyButton(text, what));

function openDialog(title, ...content) {
  const dialog = document.getElementById("dialog");
  document.getElementById("dialog-title").textContent = title;
  document.getElementById("dialog-body").replaceChildren(...content);
  dialog.showModal();
}

async function botPicker(onChange) {
  const bots = await api("/bots");
  if (bots.length === 0) return { element: empty("This customer has no bots yet."), botKey: null };
  const selected = sessionStorage.getItem("alertspanel.bot");
  const botKey = bots.some((b) => b.botKey === selected) ? selected : bots[0].botKey;
  const select = h("select", { id: "bot", onchange: (e) => { sessionStorage.setItem("alertspanel.bot", e.target.value); onChange(e.target.value); } },
    bots.map((b) => h("option", { value: b.botKey, selected: b.botKey === botKey }, `${b.name} (${b.channel})`)));
  return { element: h("div", {}, h("label", { for: "bot" }, "Bot"), select), botKey };
}

// ---- views ----------------------------------------------------------------------------------

function signIn(message) {
  document.getElementById("nav").hidden = true;
  document.getElementById("sign-out").hidden = true;
  if (message) say(message, true);
  const form = h("form", { class: "card signin", onsubmit: async (event) => {
    event.preventDefault();
    const cid = form.elements.cid.value.trim();
    const token = form.elements.token.value.trim();
    session.set({ cid, token });
    try {
      await api("/");
      say("");
      location.hash = "#/integrations";
      route();
    } catch (error) {
      session.clear();
      say(error instanceof SignedOut ? "That token was not accepted. Check the customer id and the token." : error.message, true);
    }
  } },
  h("p", { class: "muted" }, "Sign in with a customer admin token (adm_…) or the operator key (opk_…). It is kept in this browser tab only, until you sign out or close the tab."),
  h("label", { for: "cid" }, "Customer id"),
  h("input", { id: "cid", name: "cid", required: true, autocomplete: "off", spellcheck: "false" }),
  h("label", { for: "token" }, "Admin token or operator key"),
  h("input", { id: "token", name: "token", type: "password", required: true, autocomplete: "off" }),
  h("p", {}, h("button", { type: "submit" }, "Sign in")));
  show("Sign in", form);
}

async function integrations() {
  const data = await api("/integrations");
  const createKey = h("button", { type: "button", onclick: async () => {
    const created = await api("/api-keys", { method: "POST" });
    openDialog("New API key",
      h("p", { class: "warning" }, "Copy this key now. It is shown only this once; AlertsPanel keeps only its hash."),
      copyable(created.apiKey, "the new API key"));
    await integrations();
  } }, "Create API key");
  show("Integrations",
    card(h("h2", {}, "Customer id"), copyable(data.cid, "the customer id"),
      h("h2", {}, "Trigger URL"), copyable(data.triggerUrlTemplate, "the trigger URL template"),
      h("p", { class: "muted" }, "POST with the header Authorization: Basic <API key>. Each flow's path info shows its ready URL.")),
    card(h("h2", {}, "Bots"),
      table(["Name", "Channel", "Bot key"], data.bots.map((b) => [b.name, b.channel, copyable(b.botKey, `the bot key of ${b.name}`)]), "No bots yet.")),
    card(h("h2", {}, "API keys"), h("p", {}, createKey),
      table(["Prefix", "Created", "Last used", "State", ""], data.apiKeys.map((k) => [
        h("code", {}, k.prefix), when(k.createdAt), when(k.lastUsedAt),
        h("span", { class: `badge ${k.revokedAt ? "revoked" : "active"}` }, k.revokedAt ? `revoked ${when(k.revokedAt)}` : "active"),
        k.revokedAt ? "" : h("button", { type: "button", class: "danger", "aria-label": `Revoke key ${k.prefix}`, onclick: async () => {
          if (!confirm(`Revoke the key ${k.prefix}? Calls with it fail at once.`)) return;
          await api(`/api-keys/${k.id}`, { method: "DELETE" });
          say(`Key ${k.prefix} revoked.`);
          await integrations();
        } }, "Revoke"),
      ]), "No API keys.")));
}

async function pathInfo(botKey, flow) {
  const info = await api(`/bots/${botKey}/flows/${flow.flowKey}/path-info`);
  openDialog(`Path info: ${info.name}`,
    h("dl", {},
      h("dt", {}, "Flow key"), h("dd", {}, copyable(info.flowKey, "the flow key")),
      h("dt", {}, "Version"), h("dd", {}, String(info.version)),
      h("dt", {}, "Trigger URL"), h("dd", {}, copyable(`${info.method} ${info.triggerUrl}`, "the trigger URL")),
      h("dt", {}, "Attributes it reads"), h("dd", {}, info.attributes.length ? info.attributes.join(", ") : "none")),
    h("h3", {}, "Try it"),
    h("pre", {}, info.curlExample), copyButton(info.curlExample, "the curl command"));
}

async function flows() {
  const bots = await api("/bots");
  const sections = [];
  for (const bot of bots) {
    const list = await api(`/bots/${bot.botKey}/flows`);
    sections.push(card(h("h2", {}, `${bot.name} `, h("span", { class: "muted" }, `(${bot.channel}, bot key `, h("code", {}, bot.botKey), ")")),
      table(["Flow", "Key", "Version", "State", ""], list.map((f) => [
        f.name, h("code", {}, f.flowKey), String(f.version),
        h("span", { class: `badge ${f.enabled ? "enabled" : "disabled"}` }, f.enabled ? "enabled" : "disabled"),
        h("span", { class: "value" },
          h("button", { type: "button", class: "icon secondary", title: "Path info", "aria-label": `Path info for ${f.name}`, onclick: () => pathInfo(bot.botKey, f) }, "i"),
          h("button", { type: "button", class: "secondary", onclick: async () => {
            await api(`/bots/${bot.botKey}/flows/${f.flowKey}/${f.enabled ? "disable" : "enable"}`, { method: "POST" });
            say(`${f.name} ${f.enabled ? "disabled" : "enabled"}.`);
            await flows();
          } }, f.enabled ? "Disable" : "Enable")),
      ]), "No flows in this bot yet.")));
  }
  show("Bots & flows", ...(sections.length ? sections : [empty("This customer has no bots yet.")]));
}

function executionDetail(botKey, executionId) {
  return async () => {
    const e = await api(`/bots/${botKey}/executions/${executionId}`);
    openDialog(`Execution ${e.status}`,
      h("dl", {},
        h("dt", {}, "Execution"), h("dd", {}, h("code", {}, e.executionId)),
        h("dt", {}, "Flow"), h("dd", {}, `${e.flowKey} v${e.flowVersion}`),
        h("dt", {}, "Started"), h("dd", {}, when(e.startedAt)),
        h("dt", {}, "Finished"), h("dd", {}, when(e.completedAt)),
        ...(e.error ? [h("dt", {}, "Error"), h("dd", {}, e.error)] : [])),
      h("h3", {}, "Path"), h("p", {}, e.path.join(" → ") || "not started"),
      h("h3", {}, "Steps"),
      table(["Node", "Type", "Outcome", "Detail"], e.steps.map((s) => [h("code", {}, s.nodeId), s.type, s.outcome, s.detail ?? ""]), "No steps yet."));
  };
}

async function users() {
  const results = h("div", {});
  const search = h("input", { id: "search", type: "search", placeholder: "name, phone, e-mail or external id" });
  let botKey;
  const load = async () => {
    const page = await api(`/bots/${botKey}/users?pageSize=50${search.value ? `&search=${encodeURIComponent(search.value)}` : ""}`);
    results.replaceChildren(table(["Name", "Phone", "E-mail", "External id", "Updated", ""], page.items.map((u) => [
      u.name ?? "—", u.phone ?? "—", u.email ?? "—", u.externalId ?? "—", when(u.updatedAt),
      h("button", { type: "button", class: "secondary", "aria-label": `Open ${u.name ?? u.userId}`, onclick: () => openUser(u.userId) }, "Open"),
    ]), search.value ? "No user matches." : "No users yet: they appear after a trigger."));
  };
  const openUser = async (userId) => {
    const u = await api(`/bots/${botKey}/users/${userId}`);
    openDialog(u.name ?? "User",
      h("h3", {}, "Attributes"),
      h("dl", {}, Object.entries(u.attributes).flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
      h("h3", {}, "Recent executions"),
      table(["Created", "Flow", "Status", ""], u.recentExecutions.map((e) => [when(e.createdAt), h("code", {}, e.flowKey),
        h("span", { class: `badge ${e.status}` }, e.status),
        h("button", { type: "button", class: "secondary", onclick: executionDetail(botKey, e.executionId) }, "Open")]), "None yet."));
  };
  const picker = await botPicker(async (key) => { botKey = key; await load(); });
  botKey = picker.botKey;
  const form = h("form", { class: "row", role: "search", onsubmit: async (e) => { e.preventDefault(); await load(); } },
    picker.element, h("div", {}, h("label", { for: "search" }, "Search"), search), h("div", {}, h("button", { type: "submit" }, "Search")));
  show("Users", card(botKey ? form : picker.element, results));
  if (botKey) await load();
}

async function executions() {
  const results = h("div", {});
  const status = h("select", { id: "status-filter" }, ["", "queued", "running", "completed", "failed"].map((s) => h("option", { value: s }, s || "any status")));
  let botKey;
  const load = async () => {
    const page = await api(`/bots/${botKey}/executions?pageSize=50${status.value ? `&status=${status.value}` : ""}`);
    results.replaceChildren(table(["Created", "Flow", "Status", "Error", ""], page.items.map((e) => [
      when(e.createdAt), h("code", {}, e.flowKey), h("span", { class: `badge ${e.status}` }, e.status), e.error ?? "",
      h("button", { type: "button", class: "secondary", "aria-label": `Open execution ${e.executionId}`, onclick: executionDetail(botKey, e.executionId) }, "Open"),
    ]), "No executions."));
  };
  status.addEventListener("change", load);
  const picker = await botPicker(async (key) => { botKey = key; await load(); });
  botKey = picker.botKey;
  show("Executions", card(botKey ? h("div", { class: "row" }, picker.element, h("div", {}, h("label", { for: "status-filter" }, "Status"), status)) : picker.element, results));
  if (botKey) await load();
}

// ---- routing --------------------------------------------------------------------------------

const views = { "#/integrations": integrations, "#/flows": flows, "#/users": users, "#/executions": executions };

async function route() {
  if (!session.get()) {
    signIn();
    return;
  }
  const hash = views[location.hash] ? location.hash : "#/integrations";
  document.getElementById("nav").hidden = false;
  document.getElementById("sign-out").hidden = false;
  for (const link of document.querySelectorAll("nav a")) {
    link.toggleAttribute("aria-current", link.getAttribute("href") === hash);
    if (link.getAttribute("href") === hash) link.setAttribute("aria-current", "page");
  }
  await views[hash]();
}

async function guarded(work) {
  try {
    await work();
  } catch (error) {
    if (error instanceof SignedOut) {
      session.clear();
      signIn("Your session ended or the token was not accepted. Sign in again.");
    } else {
      say(error.message, true);
    }
  }
}

window.addEventListener("hashchange", () => { say(""); guarded(route).then(() => document.getElementById("main").focus()); });
window.addEventListener("unhandledrejection", (event) => { event.preventDefault(); guarded(() => Promise.reject(event.reason)); });
document.getElementById("sign-out").addEventListener("click", () => { session.clear(); say("Signed out."); signIn(); });
guarded(route);
