-- wrk script for bench/README.md "Analysis pipeline (issue 6)": POST order-sign, one fresh signed JWT per
-- request (the service keeps a jti replay cache, so a reused token is answered 401), the same prefetched
-- hook body every time, and a check of every answer (status 200 and the AI card in the body).
--
-- wrk -t2 -c16 -d20s --latency -s bench/order-sign.lua http://127.0.0.1:PORT -- TOKEN_PREFIX BODY_FILE [MUST_CONTAIN]
--   TOKEN_PREFIX: thread i reads TOKEN_PREFIX<i>.txt (one JWT a line, i = 0..threads-1)
--   BODY_FILE:    the hook request JSON
--   MUST_CONTAIN: a string every 200 body must contain (default: chest-ai-analysis, the AI card's topic)
-- When a thread runs out of tokens it starts again from its first one and counts a wrap: that makes 401s
-- (counted as non-200) against the service and against the bare endpoint alike, since both verify the JWT
-- with the service's validator and keep a jti replay cache. Tokens are signed for one URL (aud), so each
-- target needs its own files.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local prefix, body_file = args[1], args[2]
  if prefix == nil or body_file == nil then
    error("usage: wrk ... -s order-sign.lua URL -- TOKEN_PREFIX BODY_FILE [MUST_CONTAIN]")
  end
  expect = args[3] or "chest-ai-analysis"
  tokens = {}
  for line in io.lines(prefix .. id .. ".txt") do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  if #tokens == 0 then error("no tokens in " .. prefix .. id .. ".txt") end
  local f = assert(io.open(body_file, "rb"))
  body = f:read("*a")
  f:close()
  position, wraps, responses, non200, missing, first_bad = 1, 0, 0, 0, 0, 0
end

function request()
  local token = tokens[position]
  position = position + 1
  if position > #tokens then
    position = 1
    wraps = wraps + 1
  end
  return wrk.format("POST", "/cds-services/chestx-order-sign",
    { ["Content-Type"] = "application/json", ["Accept"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function response(status, headers, response_body)
  responses = responses + 1
  if status ~= 200 then
    non200 = non200 + 1
    if first_bad == 0 then first_bad = status end
  elseif not string.find(response_body, expect, 1, true) then
    missing = missing + 1
  end
end

function done(summary, latency, requests)
  local total = { responses = 0, non200 = 0, missing = 0, wraps = 0, first_bad = 0 }
  for _, thread in ipairs(threads) do
    for key, _ in pairs(total) do
      local value = thread:get(key) or 0
      if key == "first_bad" then
        if total.first_bad == 0 then total.first_bad = value end
      else
        total[key] = total[key] + value
      end
    end
  end
  io.write(string.format("chestx-check: responses=%d non200=%d first_non200_status=%d without_expected=%d token_wraps=%d\n",
    total.responses, total.non200, total.first_bad, total.missing, total.wraps))
end
