-- Fans voting for one star's video: each request is a different fan's first vote, so every one is counted and
-- every one updates the star's rows. Args: video id, file of bearer tokens (one per line).
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  video = args[1]
  tokens = {}
  local n = 0
  for line in io.lines(args[2]) do
    if n % 2 == tid then tokens[#tokens + 1] = line end
    n = n + 1
  end
  next_token = 1
end

function request()
  local token = tokens[next_token]
  next_token = next_token % #tokens + 1
  return wrk.format("POST", "/api/public/videos/" .. video .. "/vote",
    { ["Authorization"] = "Bearer " .. token, ["Content-Length"] = "0" })
end
