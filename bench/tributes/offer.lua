-- wrk script of bench/tributes_bench.py: POST offerings to the API, spread over the halls and
-- kinds, each from a new visitor (wrk keeps no cookies, so every answer gives a new one); counts
-- the 202 answers and those that say counted=true. HALLS, TOKEN, COOKIE and ORIGIN are filled in.
local halls = {HALLS}
local kinds = {"flower", "candle", "bow", "salute"}
local sent = 0
local threads = {}

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["X-CSRFToken"] = "TOKEN"
wrk.headers["Cookie"] = "COOKIE"
wrk.headers["Origin"] = "ORIGIN"
wrk.headers["Referer"] = "ORIGIN/"
wrk.headers["X-Forwarded-Proto"] = "https"

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  accepted = 0
  counted = 0
  other = 0
end

function request()
  sent = sent + 1
  local id = halls[(sent % #halls) + 1]
  local kind = kinds[(math.floor(sent / #halls) % #kinds) + 1]
  return wrk.format(nil, "/api/tributes/halls/" .. id .. "/offerings", nil, '{"kind": "' .. kind .. '"}')
end

function response(status, headers, body)
  if status == 202 then
    accepted = accepted + 1
    if string.find(body, '"counted": true', 1, true) then
      counted = counted + 1
    end
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local a, c, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted")
    c = c + thread:get("counted")
    o = o + thread:get("other")
  end
  io.write(string.format("TRIBUTES accepted=%d counted=%d other=%d\n", a, c, o))
end
