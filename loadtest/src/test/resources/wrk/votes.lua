-- Fans voting: each request is a different fan's first vote, so every one is counted. Args: a file of video ids
-- (one per line; one line = everyone votes for the same star), a file of bearer tokens (one per line).
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local function lines(file, keep)
  local kept, n = {}, 0
  for line in io.lines(file) do
    if keep(n) then kept[#kept + 1] = line end
    n = n + 1
  end
  return kept
end

function init(args)
  videos = lines(args[1], function() return true end)
  tokens = lines(args[2], function(n) return n % 2 == tid end)
  sent = 0
end

function request()
  local token = tokens[sent % #tokens + 1]
  local video = videos[sent % #videos + 1]
  sent = sent + 1
  return wrk.format("POST", "/api/public/videos/" .. video .. "/vote",
    { ["Authorization"] = "Bearer " .. token, ["Content-Length"] = "0" })
end
