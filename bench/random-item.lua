-- wrk: each request verifies a different registered item, chosen at random among COUNT serials
-- named PREFIX .. a 7-digit number (bench/register.py's naming), so that the ledger's size matters.
local prefix = os.getenv("SERIAL_PREFIX")
local count = tonumber(os.getenv("SERIAL_COUNT"))
math.randomseed(os.time())
wrk.headers["Accept"] = "application/json"
request = function()
  local path = string.format("/01/09520123456788/21/%s%07d", prefix, math.random(0, count - 1))
  return wrk.format("GET", path)
end
