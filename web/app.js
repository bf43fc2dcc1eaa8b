/*
 * app.js: the decorum moderator page. Reads the queue from the native API
 * (/v1/queue), shows each comment in its thread (/v1/comments/{id}) with
 * the engine's spans highlighted, and posts decisions
 * (/v1/comments/{id}/approve|reject). Keyboard first: j/k move, a approves,
 * r rejects (with the reason typed in the reason box, if any), 1-5 switch
 * status, g reloads, / jumps to the filters.
 *
 * The moderator token is asked for once per tab and kept in sessionStorage,
 * sent as "Authorization: Bearer". Every string from the server reaches the
 * page through textContent, never innerHTML: comments are hostile input.
 *
 * Spans are placed with the UTF-16 offsets the service reports
 * (utf16_begin/utf16_end), which are JavaScript's string indices.
 */
(function () {
  "use strict";

  var STATUSES = ["pending", "auto-approved", "approved", "rejected", "all"];
  var ATTRS = ["TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT", "PROFANITY", "THREAT"];
  var REASONS = ["Personal attack", "Hate speech", "Threat of violence", "Harassment",
                 "Spam", "Off-topic", "Doxxing", "Misinformation"];
  var state = {
    status: "pending", offset: 0, limit: 50, items: [], total: 0, counts: {},
    sel: -1, detail: null, busy: false, loadSeq: 0
  };

  // ---- small DOM helpers -------------------------------------------------
  function $(id) { return document.getElementById(id); }
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "class") el.className = v;
        else if (k === "text") el.textContent = v;
        else if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? "" : v);
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) c.forEach(function (x) { if (x) el.appendChild(x); });
      else el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return el;
  }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
  var sayTimer = 0;
  function say(msg, err) {
    var s = $("status");
    s.textContent = msg || "";
    s.className = "status" + (err ? " err" : "");
    // Confirmations fade after a while; errors stay until the next message.
    clearTimeout(sayTimer);
    if (msg && !err) sayTimer = setTimeout(function () { s.textContent = ""; }, 8000);
  }
  function pct(v) { return Math.round((v || 0) * 100); }
  function ago(iso) {
    if (!iso) return "";
    var t = Date.parse(iso);
    if (isNaN(t)) return iso;
    var s = Math.max(0, (Date.now() - t) / 1000);
    if (s < 60) return "just now";
    if (s < 3600) return Math.floor(s / 60) + " min ago";
    if (s < 86400) return Math.floor(s / 3600) + " h ago";
    return Math.floor(s / 86400) + " d ago";
  }
  function topScore(c) {
    var sc = (c.analysis && c.analysis.scores) || {};
    var best = 0;
    ATTRS.forEach(function (a) { if ((sc[a] || 0) > best) best = sc[a]; });
    return best;
  }
  function evidence(c) {
    return ((c.analysis && c.analysis.spans) || []).filter(function (s) { return !s.mitigating; });
  }

  // ---- the API -----------------------------------------------------------
  function token() { return sessionStorage.getItem("decorum.token") || ""; }

  function api(method, path, body) {
    var headers = { "Authorization": "Bearer " + token() };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    return fetch(path, {
      method: method, headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (r) {
      return r.text().then(function (t) {
        var data = null;
        try { data = t ? JSON.parse(t) : null; } catch (e) { data = null; }
        if (r.status === 401) { login("The token was refused. Paste it again."); }
        if (!r.ok) {
          var msg = data && data.error ? data.error.message : ("HTTP " + r.status);
          var err = new Error(msg);
          err.status = r.status;
          throw err;
        }
        return data;
      });
    });
  }

  // ---- sign-in -----------------------------------------------------------
  function login(msg) {
    var d = $("login");
    $("login-error").textContent = msg || "";
    if (!d.open) d.showModal();
    $("token").focus();
  }
  $("login-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var t = $("token").value.trim();
    if (!t) return;
    sessionStorage.setItem("decorum.token", t);
    fetch("/v1/queue?limit=1", { headers: { "Authorization": "Bearer " + t } }).then(function (r) {
      if (r.status === 401) {
        sessionStorage.removeItem("decorum.token");
        $("login-error").textContent = "That token is not the moderator token.";
        return;
      }
      $("login").close();
      $("token").value = "";
      load();
    }, function () { $("login-error").textContent = "The service does not answer."; });
  });
  $("login").addEventListener("cancel", function (ev) { if (!token()) ev.preventDefault(); });
  $("logout").addEventListener("click", function () {
    sessionStorage.removeItem("decorum.token");
    state.items = []; renderList(); renderDetail(null);
    login("");
  });

  // ---- the queue ---------------------------------------------------------
  function query() {
    var p = new URLSearchParams();
    p.set("status", state.status);
    p.set("limit", state.limit);
    p.set("offset", state.offset);
    [["site", "f-site"], ["article", "f-article"], ["author", "f-author"], ["signal", "f-signal"]]
      .forEach(function (f) { var v = $(f[1]).value.trim(); if (v) p.set(f[0], v); });
    if ($("f-order").value === "newest") p.set("order", "newest");
    return p.toString();
  }

  function load(keepSel) {
    if (!token()) { login(""); return Promise.resolve(); }
    var seq = ++state.loadSeq;
    var want = keepSel ? state.sel : 0;
    return api("GET", "/v1/queue?" + query()).then(function (r) {
      if (seq !== state.loadSeq) return;
      state.items = r.items || [];
      state.total = r.total || 0;
      state.counts = r.counts || {};
      renderTabs();
      renderList();
      if (state.items.length) select(Math.min(Math.max(want, 0), state.items.length - 1));
      else { state.sel = -1; renderDetail(null); }
    }).catch(function (e) { if (e.status !== 401) say(e.message, true); });
  }

  function renderTabs() {
    var all = 0;
    STATUSES.slice(0, 4).forEach(function (s) { all += state.counts[s] || 0; });
    document.querySelectorAll("#tabs .tab").forEach(function (b) {
      var s = b.getAttribute("data-status");
      b.classList.toggle("on", s === state.status);
      b.setAttribute("aria-pressed", s === state.status ? "true" : "false");
      var n = s === "all" ? all : (state.counts[s] || 0);
      var badge = b.querySelector("b");
      badge.textContent = n;
      badge.classList.toggle("some", n > 0);
    });
    var from = state.total ? state.offset + 1 : 0;
    var to = state.offset + state.items.length;
    $("range").textContent = from + "–" + to + " of " + state.total;
    $("prev").disabled = state.offset === 0;
    $("next").disabled = to >= state.total;
  }

  function verdictPill(c) {
    return h("span", { "class": "pill " + c.verdict, text: c.verdict });
  }
  function statusPill(s) { return h("span", { "class": "pill " + s, text: s }); }

  function renderList() {
    var list = clear($("list"));
    if (!state.items.length) {
      list.appendChild(h("div", { "class": "empty",
        text: state.status === "pending" ? "Nothing waits for review." : "No comments match." }));
      return;
    }
    state.items.forEach(function (c, i) {
      var sigs = {};
      evidence(c).forEach(function (s) { sigs[s.signal] = 1; });
      var art = c.article || {};
      list.appendChild(h("div", {
        "class": "row" + (i === state.sel ? " sel" : ""), "data-id": c.id, "data-index": i,
        role: "option", "aria-selected": i === state.sel ? "true" : "false",
        onclick: function () { select(i); }
      },
        h("div", { "class": "v" }, verdictPill(c),
          state.status === "all" ? h("span", { "class": "st " + c.status, text: c.status }) : null),
        h("div", { "class": "meta" },
          h("span", { "class": "author", text: (c.author && (c.author.name || c.author.id)) || "anonymous" }),
          h("span", { "class": "when", text: ago(c.created_at), title: c.created_at }),
          h("span", { "class": "art", text: art.title || art.id || c.site })),
        h("div", { "class": "score", title: "highest attribute score", text: pct(topScore(c)) + "%" }),
        h("div", { "class": "text", text: c.text }),
        Object.keys(sigs).length ? h("div", { "class": "chips" },
          Object.keys(sigs).map(function (s) { return h("span", { "class": "chip", text: s }); })) : null));
    });
  }

  function select(i) {
    if (i < 0 || i >= state.items.length) return;
    state.sel = i;
    document.querySelectorAll("#list .row").forEach(function (r, j) {
      r.classList.toggle("sel", j === i);
      r.setAttribute("aria-selected", j === i ? "true" : "false");
      if (j === i) r.scrollIntoView({ block: "nearest" });
    });
    var c = state.items[i];
    renderDetail({ comment: c, parents: [], replies: [], audit: [], article: c.article, loading: true });
    var id = c.id;
    Promise.all([
      api("GET", "/v1/comments/" + id),
      c.author && c.author.id
        ? api("GET", "/v1/authors/" + encodeURIComponent(c.author.id) + "?site=" + encodeURIComponent(c.site))
            .catch(function () { return null; })
        : Promise.resolve(null)
    ]).then(function (res) {
      if (state.sel < 0 || state.items[state.sel].id !== id) return;
      res[0].author = res[1];
      renderDetail(res[0]);
    }).catch(function (e) { if (e.status !== 401) say(e.message, true); });
  }

  // ---- spans -------------------------------------------------------------
  /* Splits text at every span boundary and wraps covered pieces in <mark>,
   * carrying every covering span for the tooltip. Spans may overlap. */
  function renderSpans(text, spans) {
    var frag = document.createDocumentFragment();
    var cuts = [0, text.length];
    var ok = (spans || []).filter(function (s) {
      var b = s.utf16_begin, e = s.utf16_end;
      return typeof b === "number" && typeof e === "number" && b >= 0 && b < e && e <= text.length;
    });
    ok.forEach(function (s) { cuts.push(s.utf16_begin, s.utf16_end); });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    for (var k = 0; k + 1 < cuts.length; k++) {
      var b = cuts[k], e = cuts[k + 1];
      var piece = text.slice(b, e);
      var cover = ok.filter(function (s) { return s.utf16_begin <= b && s.utf16_end >= e; });
      if (!cover.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      var attack = cover.filter(function (s) { return !s.mitigating; });
      var m = h("mark", {
        "class": (attack.length ? "" : "mit") + (cover.some(function (s) { return s.evasion; }) ? " evasion" : ""),
        tabindex: "0", "data-signals": cover.map(function (s) { return s.signal; }).join(" ")
      }, piece);
      m._spans = cover;
      frag.appendChild(m);
    }
    return frag;
  }

  function showTip(ev) {
    var m = ev.target.closest && ev.target.closest("mark");
    var tip = $("tip");
    if (!m || !m._spans) { tip.hidden = true; return; }
    clear(tip);
    m._spans.forEach(function (s, i) {
      if (i) tip.appendChild(h("br"));
      tip.appendChild(h("span", { "class": "sig", text: s.signal }));
      tip.appendChild(document.createTextNode(" · " + s.attribute.toLowerCase().replace("_", " ") +
        " " + pct(s.score) + "%" + (s.mitigating ? " · mitigating" : "") +
        (s.evasion ? " · evasive spelling" : "") + (s.context ? " · needs context" : "")));
      if (s.reason) { tip.appendChild(h("br")); tip.appendChild(h("b", { text: s.reason })); }
      if (s.categories && s.categories.length) {
        tip.appendChild(document.createTextNode(" (" + s.categories.join(", ").replace(/_/g, " ") + ")"));
      }
    });
    tip.hidden = false;
    var r = m.getBoundingClientRect();
    var x = Math.min(r.left, window.innerWidth - tip.offsetWidth - 8);
    var y = r.bottom + 6;
    if (y + tip.offsetHeight > window.innerHeight) y = r.top - tip.offsetHeight - 6;
    tip.style.left = Math.max(8, x) + "px";
    tip.style.top = y + "px";
  }
  document.addEventListener("mouseover", showTip);
  document.addEventListener("focusin", showTip);
  document.addEventListener("mouseout", function (ev) {
    if (ev.target.closest && ev.target.closest("mark")) $("tip").hidden = true;
  });

  // ---- the detail pane ---------------------------------------------------
  function renderDetail(t) {
    var d = clear($("detail"));
    $("tip").hidden = true;
    state.detail = t;
    if (!t) { d.appendChild(h("div", { "class": "empty", text: "Select a comment." })); return; }
    var c = t.comment, a = c.analysis || {}, art = t.article || c.article || {};
    if (art.title || art.id) {
      d.appendChild(h("div", { "class": "article" }, "On ",
        art.url ? h("a", { href: art.url, target: "_blank", rel: "noopener noreferrer", text: art.title || art.id })
                : h("b", { text: art.title || art.id }),
        " · " + c.site));
    }
    var parents = (t.parents || []).slice().reverse();
    if (parents.length) {
      d.appendChild(h("ul", { "class": "parents", "aria-label": "Replying to" },
        parents.map(function (p, i) {
          var li = h("li", {},
            h("span", { "class": "pname", text: (p.author && (p.author.name || p.author.id)) || "anonymous" }),
            h("span", { "class": "muted", text: ago(p.created_at) }),
            h("div", { "class": "txt", text: p.text }));
          li.style.setProperty("--depth", i);
          return li;
        })));
    }
    var author = (c.author && (c.author.name || c.author.id)) || "anonymous";
    var reason = h("input", { id: "reason", list: "reasons", placeholder: "Reason (optional; Enter rejects)",
                              value: "", autocomplete: "off" });
    var card = h("article", { "class": "card", "data-id": c.id },
      h("h3", {}, verdictPill(c), statusPill(c.status), h("span", { text: author }),
        h("span", { "class": "when", text: "#" + c.id + " · " + ago(c.created_at), title: c.created_at }),
        parents.length ? h("span", { "class": "when", text: "· reply" }) : null),
      h("div", { "class": "comment", id: "comment-text" }, renderSpans(c.text, a.spans)),
      h("div", { "class": "actions" },
        h("button", { "class": "btn approve", id: "approve", onclick: function () { decide("approve"); } },
          "Approve", h("kbd", { text: "a" })),
        h("button", { "class": "btn reject", id: "reject", onclick: function () { decide("reject"); } },
          "Reject", h("kbd", { text: "r" })),
        reason,
        h("datalist", { id: "reasons" }, REASONS.map(function (r) { return h("option", { value: r }); }))));
    d.appendChild(card);

    var scores = a.scores || {};
    var ev = (a.spans || []);
    var grid = h("div", { "class": "grid2" },
      h("section", { "class": "box" }, h("h4", { text: "Scores" }),
        h("div", { "class": "scores" }, [].concat.apply([], ATTRS.map(function (k) {
          var v = scores[k] || 0;
          var bar = h("i", { "class": v >= 0.85 ? "hi" : v >= 0.5 ? "mid" : "" });
          bar.style.width = pct(v) + "%";
          return [h("span", { text: k.toLowerCase().replace("_", " ") }), h("div", { "class": "bar" }, bar),
                  h("span", { "class": "n", text: pct(v) + "%" })];
        }))),
        a.hateful ? h("p", { "class": "muted", text: "Hateful (" + pct(a.hate_score) + "%)" +
          ((a.categories || []).length ? ": attacks " + a.categories.join(", ").replace(/_/g, " ") : "") })
          : null),
      h("section", { "class": "box" }, h("h4", { text: "Why" }),
        ev.length ? h("ul", { "class": "signals" }, groupSpans(ev).map(function (g) {
          var s = g.span;
          return h("li", {}, h("span", { "class": "chip" + (s.mitigating ? " mit" : ""), text: s.signal }), " ",
            h("q", { text: s.text }), g.n > 1 ? h("span", { "class": "muted", text: " ×" + g.n }) : null,
            " ", h("span", { text: s.reason || "" }));
        })) : h("p", { "class": "muted", text: t.loading ? "Loading…" :
          "No span of this comment was flagged. Verdict: " + c.verdict + "." })),
      h("section", { "class": "box" }, h("h4", { text: "Author" }), authorBox(t.author, c)),
      h("section", { "class": "box" }, h("h4", { text: "History" }),
        (t.audit || []).length ? h("ul", { "class": "audit" }, t.audit.map(function (e) {
          return h("li", {}, h("time", { text: (e.at || "").replace("T", " ").slice(0, 16), title: e.at }),
            h("b", { text: e.moderator }), " " + e.action + " → " + e.new_status +
            (e.reason ? " · " + e.reason : ""));
        })) : h("p", { "class": "muted", text: t.loading ? "Loading…" : "No entries." })));
    d.appendChild(grid);
    if ((t.replies || []).length) {
      d.appendChild(h("div", { "class": "box replies" }, h("h4", { text: "Replies" }),
        h("ul", { "class": "parents" }, t.replies.map(function (r) {
          return h("li", {}, h("span", { "class": "pname", text: (r.author && (r.author.name || r.author.id)) || "anonymous" }),
            statusPill(r.status), h("div", { "class": "txt", text: r.text }));
        }))));
    }
  }

  /* The same word flagged for the same reason several times is one line
   * with a count: the moderator needs the reasons, not the repetition. */
  function groupSpans(spans) {
    var out = [], seen = {};
    spans.forEach(function (s) {
      var k = [s.signal, (s.text || "").toLowerCase(), s.reason, s.mitigating].join("\u0000");
      if (seen[k]) { seen[k].n++; return; }
      seen[k] = { span: s, n: 1 };
      out.push(seen[k]);
    });
    return out;
  }

  function authorBox(au, c) {
    if (!au) return h("p", { "class": "muted", text: c.author && c.author.id ? "Loading…" : "No author id." });
    var cn = au.counts || {};
    return h("dl", { "class": "kv" },
      h("dt", { text: "Name" }), h("dd", { text: au.name || au.author_id }),
      h("dt", { text: "Comments" }), h("dd", { text: String(au.total) }),
      h("dt", { text: "Rejected" }), h("dd", { text: (cn.rejected || 0) + " (" + pct(au.rejection_rate) + "%)" }),
      h("dt", { text: "Pending" }), h("dd", { text: String(cn.pending || 0) }),
      h("dt", { text: "Approved" }), h("dd", { text: String((cn.approved || 0) + (cn["auto-approved"] || 0)) }));
  }

  // ---- decisions ---------------------------------------------------------
  function decide(action) {
    if (state.busy || state.sel < 0) return;
    var c = state.items[state.sel];
    var rs = $("reason");
    var reason = rs ? rs.value.trim() : "";
    var who = $("moderator").value.trim() || "moderator";
    state.busy = true;
    api("POST", "/v1/comments/" + c.id + "/" + action, { reason: reason || null, moderator: who })
      .then(function (u) {
        say((action === "approve" ? "Approved" : "Rejected") + " #" + c.id + (reason ? " · " + reason : ""));
        var leaves = state.status !== "all" && u.status !== state.status;
        if (leaves) {
          state.items.splice(state.sel, 1);
          state.counts[c.status] = Math.max(0, (state.counts[c.status] || 1) - 1);
          state.counts[u.status] = (state.counts[u.status] || 0) + 1;
          state.total = Math.max(0, state.total - 1);
          renderTabs();
          renderList();
          if (state.items.length) select(Math.min(state.sel, state.items.length - 1));
          else { state.sel = -1; renderDetail(null); load(); }
        } else {
          state.counts[c.status] = Math.max(0, (state.counts[c.status] || 1) - 1);
          state.counts[u.status] = (state.counts[u.status] || 0) + 1;
          state.items[state.sel] = u;
          renderTabs();
          renderList();
          select(Math.min(state.sel + 1, state.items.length - 1));
        }
      })
      .catch(function (e) { if (e.status !== 401) say(e.message, true); })
      .then(function () { state.busy = false; });
  }

  // ---- wiring ------------------------------------------------------------
  document.querySelectorAll("#tabs .tab").forEach(function (b) {
    b.addEventListener("click", function () { setStatus(b.getAttribute("data-status")); });
  });
  function setStatus(s) { state.status = s; state.offset = 0; load(); }
  ["f-site", "f-article", "f-author"].forEach(function (id) {
    $(id).addEventListener("change", function () { state.offset = 0; load(); });
  });
  ["f-signal", "f-order"].forEach(function (id) {
    $(id).addEventListener("change", function () { state.offset = 0; load(); });
  });
  $("prev").addEventListener("click", function () { state.offset = Math.max(0, state.offset - state.limit); load(); });
  $("next").addEventListener("click", function () { state.offset += state.limit; load(); });
  $("refresh").addEventListener("click", function () { load(true); });
  var mod = $("moderator");
  mod.value = localStorage.getItem("decorum.moderator") || "";
  mod.addEventListener("change", function () { localStorage.setItem("decorum.moderator", mod.value.trim()); });

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || $("login").open) return;
    var t = ev.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA");
    if (typing) {
      if (ev.key === "Escape") { t.blur(); ev.preventDefault(); }
      else if (ev.key === "Enter" && t.id === "reason") { ev.preventDefault(); t.blur(); decide("reject"); }
      return;
    }
    var k = ev.key;
    if (k === "j" || k === "ArrowDown") select(Math.min(state.sel + 1, state.items.length - 1));
    else if (k === "k" || k === "ArrowUp") select(Math.max(state.sel - 1, 0));
    else if (k === "a") decide("approve");
    else if (k === "r") decide("reject");
    else if (k === "g") load(true);
    else if (k === "/") $("f-site").focus();
    else if (k >= "1" && k <= "5") setStatus(STATUSES[+k - 1]);
    else return;
    ev.preventDefault();
  });

  // Exposed for the browser test, which checks the highlighter directly.
  window.decorum = { renderSpans: renderSpans, state: state, load: load };
  load();
})();
