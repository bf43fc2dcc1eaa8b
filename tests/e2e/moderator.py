"""moderator.py: the moderator page in headless Chromium, end to end.

Starts `decorum serve` on a free port of 127.0.0.1 with a temporary
database, submits a real thread (tests/data/seed-thread.json) through the
API, opens the page, signs in with the token, moves with j/k, approves one
comment with "a" and rejects another with a typed reason and Enter, then
checks the store through the API: status, moderator, reason, audit. It also
checks that a wrong token is refused, that the span highlighter places
spans by UTF-16 offsets and explains them on hover, and saves a screenshot
to tests/e2e/out/moderator.png.

Drives Debian's chromium through python3-selenium and chromium-driver.
usage: python3 moderator.py path/to/decorum
"""
import json
import os
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "http"))
from harness import TOKEN, Server, check, eq, finish  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.common.exceptions import (NoSuchElementException,  # noqa: E402
                                        StaleElementReferenceException)
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

BIN = sys.argv[1]
SRC = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(HERE, "out")
os.makedirs(OUT, exist_ok=True)

srv = Server(BIN).start()

# --- A real thread, plus a few short comments from other readers.
seed = json.load(open(os.path.join(SRC, "tests/data/seed-thread.json"), encoding="utf-8"))
art = seed["article"]
article = {"id": art["id"], "title": art["title"],
           "url": "https://news.example/" + art["id"]}
names = ["Walt Brenner", "Mara Quint", "Dee Okafor", "R. Halvorsen", "Sam Ivers"]
ids = {}
for i, c in enumerate(seed["comments"]):
    body = {"site": "news", "id": c["id"], "article": article, "text": c["text"],
            "author": {"id": "reader-%d" % (i % 4), "name": names[i % 4]}}
    if c.get("parent"):
        body["parent_id"] = c["parent"]
    st, _, r = srv.request("POST", "/v1/comments", body, token=TOKEN)
    eq(st, 201, "submit seed comment " + c["id"])
    ids[c["id"]] = r["id"]
extra = [("5", None, "Good reporting. The memo itself is worth reading in full."),
         ("5.1", "5", "Agreed, though the headline word choice is loaded."),
         ("6", None, "Nobody asked the border towns what they think.")]
for ext, parent, text in extra:
    body = {"site": "news", "id": ext, "article": article, "text": text,
            "author": {"id": "reader-9", "name": "Sam Ivers"}}
    if parent:
        body["parent_id"] = parent
    st, _, r = srv.request("POST", "/v1/comments", body, token=TOKEN)
    eq(st, 201, "submit extra comment " + ext)
    ids[ext] = r["id"]

# --- The browser.
profile = tempfile.mkdtemp(prefix="decorum-chromium-")
opts = webdriver.ChromeOptions()
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
          "--no-first-run", "--disable-background-networking",
          "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1440,900",
          "--user-data-dir=" + profile, "--force-device-scale-factor=1",
          "--lang=en-US"):
    opts.add_argument(a)
chromium = shutil.which("chromium") or "/usr/bin/chromium"
opts.binary_location = chromium
driver = None
try:
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or
                                              "/usr/bin/chromedriver"), options=opts)
    driver.set_page_load_timeout(20)
    wait = WebDriverWait(driver, 10,
                         ignored_exceptions=(NoSuchElementException,
                                             StaleElementReferenceException))
    base = "http://127.0.0.1:%d/" % srv.port
    driver.get(base)

    # Sign-in: a wrong token is refused, the right one opens the queue.
    wait.until(lambda d: d.execute_script("return document.getElementById('login').open"))
    tok = driver.find_element(By.ID, "token")
    tok.send_keys("not-the-token", Keys.ENTER)
    wait.until(lambda d: "not the moderator token" in
               d.find_element(By.ID, "login-error").text)
    check(driver.execute_script("return sessionStorage.getItem('decorum.token')") is None,
          "a refused token is not kept")
    tok.clear()
    tok.send_keys(TOKEN, Keys.ENTER)
    wait.until(lambda d: not d.execute_script("return document.getElementById('login').open"))
    eq(driver.execute_script("return sessionStorage.getItem('decorum.token')"), TOKEN,
       "token kept in sessionStorage")
    check(driver.execute_script("return localStorage.getItem('decorum.token')") is None,
          "token not in localStorage")

    mod = driver.find_element(By.ID, "moderator")
    mod.send_keys("e2e-mod", Keys.TAB)

    # Work in the view that has the comments: pending once the engine flags
    # things, otherwise "All" (today's stub engine approves everything).
    body = driver.find_element(By.TAG_NAME, "body")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, '[data-count="pending"]').text.isdigit())
    pending = int(driver.find_element(By.CSS_SELECTOR, '[data-count="pending"]').text)
    view = "pending" if pending >= 3 else "all"
    if view == "all":
        driver.execute_script("document.activeElement.blur()")
        body.send_keys("5")
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#list .row")) >= 3)
    rows = driver.find_elements(By.CSS_SELECTOR, "#list .row")
    total = int(driver.find_element(By.CSS_SELECTOR, '[data-count="all"]').text)
    eq(total, len(ids), "the All badge counts every comment")
    sel = driver.find_elements(By.CSS_SELECTOR, "#list .row.sel")
    eq(len(sel), 1, "one row selected")

    # Read ids in one script call: the page re-renders the list and the
    # detail card as answers arrive, so an element found in one WebDriver
    # call can be gone by the next (StaleElementReferenceException).
    def id_of(selector):
        return driver.execute_script(
            "var e = document.querySelector(arguments[0]);"
            "return e ? parseInt(e.getAttribute('data-id'), 10) : null;", selector)

    def text_of(selector):
        return driver.execute_script(
            "var e = document.querySelector(arguments[0]);"
            "return e ? e.textContent : null;", selector)

    def selected_id():
        return id_of("#list .row.sel")

    def detail_id():
        return id_of("#detail .card")

    first = selected_id()
    body.send_keys("j")
    second = selected_id()
    check(second != first, "j moves down", (first, second))
    body.send_keys("k")
    eq(selected_id(), first, "k moves up")
    body.send_keys("j")
    wait.until(lambda d: detail_id() == second)

    # Approve the selected comment with "a".
    body.send_keys("a")
    wait.until(lambda d: ("Approved #%d" % second) in d.find_element(By.ID, "status").text)
    st, _, r = srv.request("GET", "/v1/comments/%d" % second, token=TOKEN)
    eq(r["comment"]["status"], "approved", "approved through the page")
    eq(r["comment"]["decided_by"], "e2e-mod", "moderator name recorded")
    eq(r["audit"][0]["action"], "approve", "audit has the approval")

    # Reject another one with a typed reason and Enter.
    wait.until(lambda d: detail_id() is not None and detail_id() == selected_id())
    target = selected_id()
    check(target != second, "selection moved on after the decision")
    st, _, r = srv.request("GET", "/v1/comments/%d" % target, token=TOKEN)
    before = r["comment"]["status"]
    reason = driver.find_element(By.ID, "reason")
    reason.send_keys("Dehumanizing language", Keys.ENTER)
    wait.until(lambda d: ("Rejected #%d" % target) in d.find_element(By.ID, "status").text)
    st, _, r = srv.request("GET", "/v1/comments/%d" % target, token=TOKEN)
    eq(r["comment"]["status"], "rejected", "rejected through the page")
    eq(r["comment"]["decision_reason"], "Dehumanizing language", "reason recorded")
    eq(r["audit"][0]["previous_status"], before, "audit keeps the previous status")

    # Counts follow the decisions.
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, '[data-count="rejected"]').text == "1")
    eq(text_of('[data-count="approved"]'), "1",
       "approved badge")

    # The rejected-only view shows exactly the rejected comment.
    body.send_keys("4")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".tab.on").get_attribute(
        "data-status") == "rejected")
    wait.until(lambda d: [int(e.get_attribute("data-id")) for e in
                          d.find_elements(By.CSS_SELECTOR, "#list .row")] == [target])

    # The screenshot: the All view, on the reply in the seed thread (2.1),
    # so the thread context shows.
    body.send_keys("5")
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#list .row")) >= 3)
    want = ids["2.1"]
    for _ in range(len(ids) + 1):
        if selected_id() == want:
            break
        body.send_keys("j")
    if selected_id() == want:
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#detail .parents li")) >= 1)
        eq(len(driver.find_elements(By.CSS_SELECTOR, "#detail .parents li")), 1,
           "the reply shows its parent")
        wait.until(lambda d: "Loading" not in d.find_element(By.ID, "detail").text)
    # Then the first comment of the thread, the one the engine has most to
    # say about once it is smart: its highlighted spans and reasons.
    for _ in range(len(ids) + 1):
        if selected_id() == ids["1"]:
            break
        body.send_keys("k")
    wait.until(lambda d: detail_id() == ids["1"] and
               "Loading" not in d.find_element(By.ID, "detail").text)
    driver.execute_script("document.activeElement.blur()")
    time.sleep(0.3)
    shot = os.path.join(OUT, "moderator.png")
    driver.save_screenshot(shot)
    check(os.path.getsize(shot) > 10000, "screenshot saved", shot)

    # Comments are text, never markup.
    st, _, r = srv.request("POST", "/v1/comments", {"site": "xss", "text":
                           "<img src=x onerror=\"window.pwned=1\"><b>bold?</b>"},
                           token=TOKEN)
    driver.find_element(By.ID, "f-site").send_keys("xss", Keys.ENTER)
    driver.execute_script("document.activeElement.blur()")
    wait.until(lambda d: "bold?" in d.find_element(By.ID, "detail").text)
    check(driver.execute_script("return window.pwned") is None, "markup in comments is inert")
    eq(len(driver.find_elements(By.CSS_SELECTOR, "#detail .comment img")), 0, "no <img> created")

    # The highlighter: spans by UTF-16 offsets (the emoji is two units),
    # overlapping spans split, a mitigating span styled apart, and the
    # reason shown on hover.
    text = "\U0001F600 you are vermin, said nobody"
    res = driver.execute_script("""
        var text = arguments[0];
        var spans = [
          {utf16_begin: 11, utf16_end: 17, signal: 'dehumanization', attribute: 'IDENTITY_ATTACK',
           score: 0.9, reason: 'Calls people vermin.', categories: ['ethnicity'], mitigating: false},
          {utf16_begin: 3, utf16_end: 17, signal: 'insult', attribute: 'INSULT',
           score: 0.6, reason: 'Second-person insult.', mitigating: false},
          {utf16_begin: 19, utf16_end: 30, signal: 'quoted', attribute: 'IDENTITY_ATTACK',
           score: 0.2, reason: 'Reported speech.', mitigating: true},
          {utf16_begin: 40, utf16_end: 50, signal: 'bad', attribute: 'TOXICITY', score: 1}
        ];
        var box = document.getElementById('comment-text') || document.body;
        while (box.firstChild) box.removeChild(box.firstChild);
        box.appendChild(window.decorum.renderSpans(text, spans));
        return {text: box.textContent,
                marks: Array.prototype.map.call(box.querySelectorAll('mark'), function (m) {
                  return [m.textContent, m.getAttribute('data-signals'), m.className.trim()]; })};
    """, text)
    eq(res["text"], text, "highlighting keeps the text")
    eq(res["marks"], [["you are ", "insult", ""], ["vermin", "dehumanization insult", ""],
                      ["said nobody", "quoted", "mit"]],
       "marks by UTF-16 offsets, overlaps split, out-of-range span dropped")
    m = driver.find_elements(By.CSS_SELECTOR, "#comment-text mark")
    if len(m) >= 2:
        ActionChains(driver).move_to_element(m[1]).perform()
        wait.until(lambda d: d.find_element(By.ID, "tip").is_displayed())
        tip = driver.find_element(By.ID, "tip").text
        check("Calls people vermin." in tip and "dehumanization" in tip,
              "hover explains the span", tip)
        driver.save_screenshot(os.path.join(OUT, "moderator-hover.png"))

    # Signing out forgets the token and asks again.
    driver.find_element(By.ID, "logout").click()
    wait.until(lambda d: d.execute_script("return document.getElementById('login').open"))
    check(driver.execute_script("return sessionStorage.getItem('decorum.token')") is None,
          "sign-out forgets the token")
    # The one expected failure is the wrong token's 401 at sign-in.
    logs = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"
            and "status of 401" not in e.get("message", "")]
    eq(logs, [], "no errors in the browser console")
except Exception:
    if driver is not None:
        driver.save_screenshot(os.path.join(OUT, "failure.png"))
        print("page at failure: tests/e2e/out/failure.png; status: %r" %
              driver.find_element(By.ID, "status").text)
    raise
finally:
    if driver is not None:
        driver.quit()
    shutil.rmtree(profile, ignore_errors=True)
    srv.cleanup()

finish("e2e")
