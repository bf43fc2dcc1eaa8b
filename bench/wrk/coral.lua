-- coral.lua: wrk script that calls analyze the way Coral Talk does.
--
-- POST /v1alpha1/comments:analyze?key=KEY with Coral's exact body:
--   {"comment":{"text":...},"languages":["en"],"doNotStore":true,
--    "requestedAttributes":{"TOXICITY":{}}}
-- over keep-alive connections, cycling through a realistic mix of
-- comments: every `text:` line of tests/data/golden/*.txt (short, many of
-- them attacks and their contrasts) and the long comments of
-- tests/data/seed-thread.jsonl. Both are already JSON-escaped (the golden
-- format's \n and \\ are JSON's), so they are pasted into the body as they
-- are; quotes are escaped here. Non-200 answers are counted and reported,
-- so a run that measured errors is seen for what it is.
--
--   wrk -t2 -c64 -d20s --latency -s bench/wrk/coral.lua http://127.0.0.1:PORT
--
-- Run from the repository root (paths are relative). KEY=... sets ?key=.
-- With DECORUM_SPANS=1 the body also asks for spanAnnotations; with
-- DECORUM_STORE=1 it sends doNotStore: false, so every request is written
-- to the store (the cost of keeping analyze traffic for retraining).

local bodies = {}
local key = os.getenv("KEY") or "bench"
local spans = os.getenv("DECORUM_SPANS") == "1"
local dns = os.getenv("DECORUM_STORE") == "1" and "false" or "true"

local function add(text)
  text = text:gsub('"', '\\"'):gsub("[%z\1-\31]", function(c)
    return string.format("\\u%04x", c:byte())
  end)
  bodies[#bodies + 1] = '{"comment":{"text":"' .. text .. '"},"languages":["en"],' ..
    '"doNotStore":' .. dns .. ',"requestedAttributes":{"TOXICITY":{}}' ..
    (spans and ',"spanAnnotations":true' or '') .. '}'
end

local function load()
  local ls = io.popen("ls tests/data/golden/*.txt 2>/dev/null")
  for path in ls:lines() do
    local f = io.open(path, "r")
    for line in f:lines() do
      local t = line:match("^text: (.+)$")
      if t then add(t) end
    end
    f:close()
  end
  ls:close()
  local f = io.open("tests/data/seed-thread.jsonl", "r")
  if f then
    for line in f:lines() do
      -- {"id": "...", "text": "..."}: the text is already JSON.
      local t = line:match('"text": "(.*)"}%s*$')
      if t then bodies[#bodies + 1] = '{"comment":{"text":"' .. t ..
        '"},"languages":["en"],"doNotStore":' .. dns .. ',"requestedAttributes":{"TOXICITY":{}}' ..
        (spans and ',"spanAnnotations":true' or '') .. '}' end
    end
    f:close()
  end
  if #bodies == 0 then error("coral.lua: no texts; run from the repository root") end
end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  threads[#threads + 1] = thread
end

function init(args)
  load()
  i = (id or 1) * 7919 % #bodies
  non200 = 0
  bytes = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  i = i % #bodies + 1
  return wrk.format(nil, "/v1alpha1/comments:analyze?key=" .. key, nil, bodies[i])
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    if non200 == 1 then io.stderr:write("first non-200: " .. status .. " " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + (t:get("non200") or 0) end
  io.write(string.format("non-200 responses: %d of %d\n", bad, summary.requests))
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
