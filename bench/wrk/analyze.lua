-- analyze.lua: wrk script for the Perspective-compatible analyze endpoint.
--
-- Sends POST /v1alpha1/comments:analyze with the comments of the bench
-- corpus in turn (bench/out/corpus.txt, one text a line, already escaped
-- for JSON except for quotes and control characters), asking for all six
-- attributes, with "doNotStore": true so the figure is the analysis and not
-- the store's fsync (STORE=1 drops it: every comment is then written to
-- the SQLite store, as Perspective clients that allow storage get). Each
-- wrk thread starts at a different line. Responses other
-- than 200 are counted and printed at the end, so a run that only measured
-- errors is seen for what it is.
--
--   wrk -t2 -c16 -d10s -s bench/wrk/analyze.lua http://127.0.0.1:PORT
--   CORPUS=path/to/corpus.txt overrides the corpus.

local corpus = os.getenv("CORPUS") or "bench/out/corpus.txt"
local bodies = {}
local store = os.getenv("STORE") == "1"
local attrs = '"requestedAttributes":{"TOXICITY":{},"SEVERE_TOXICITY":{},' ..
  '"IDENTITY_ATTACK":{},"INSULT":{},"PROFANITY":{},"THREAT":{}}'

local function load()
  local f = io.open(corpus, "r")
  if not f then
    error("analyze.lua: cannot open " .. corpus .. " (run bench/make_corpus.sh)")
  end
  for line in f:lines() do
    local text = line:gsub('"', '\\"'):gsub("[%z\1-\31]", function(c)
      return string.format("\\u%04x", c:byte())
    end)
    bodies[#bodies + 1] = '{"comment":{"text":"' .. text .. '"},' .. attrs ..
      ',"languages":["en"]' .. (store and '' or ',"doNotStore":true') .. '}'
  end
  f:close()
  if #bodies == 0 then error("analyze.lua: empty corpus " .. corpus) end
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
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  i = i % #bodies + 1
  return wrk.format(nil, "/v1alpha1/comments:analyze", nil, bodies[i])
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
  io.write(string.format("requests: %d, non-200: %d, p50 %.2f ms, p99 %.2f ms\n",
    summary.requests, bad, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
