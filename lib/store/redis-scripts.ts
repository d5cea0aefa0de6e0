/**
 * The Lua scripts of the Redis store. Redis runs a script as one atomic step (no other command
 * runs in between), so each Store operation, with its per-kind bound, is atomic in Redis itself,
 * whichever instance sends it.
 *
 * Every value key has a companion: the kind's index, a sorted set of the kind's keys scored by
 * expiry time (ms, Redis's own clock). It is how a kind is counted without scanning: a kind is
 * full when the index holds `limit` keys that have not expired; expired members are swept from it
 * only then (as the memory store sweeps a full kind). Live entries are never evicted.
 *
 * Results: 1 = stored, 0 = not stored (present / not the expected value), -1 = the kind is full.
 */

/** Shared prologue: `now` in ms from Redis's clock, and `room()`, true when a new key may join its kind. */
const PROLOGUE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function room(index, limit)
  if redis.call('ZCARD', index) < limit then return true end
  redis.call('ZREMRANGEBYSCORE', index, '-inf', now)
  return redis.call('ZCARD', index) < limit
end
local function store(key, index, value, ttl)
  if ttl <= 0 then
    redis.call('DEL', key)
    redis.call('ZREM', index, key)
    return
  end
  redis.call('SET', key, value, 'PX', ttl)
  redis.call('ZADD', index, now + ttl, key)
end
`;

/**
 * KEYS: value key, kind index. ARGV: value, ttl ms, kind limit, mode, expected.
 * mode `set` replaces; `nx` stores only when absent (SET NX); `cas` only when the current value
 * is byte-for-byte `expected` (`''` = absent: no JSON value is the empty string).
 */
export const PUT = `${PROLOGUE}
local key, index = KEYS[1], KEYS[2]
local value, ttl, limit, mode = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local current = redis.call('GET', key)
if mode == 'nx' and current then return 0 end
if mode == 'cas' then
  if ARGV[5] == '' then
    if current then return 0 end
  elseif current ~= ARGV[5] then
    return 0
  end
end
if not current and not room(index, limit) then return -1 end
store(key, index, value, ttl)
return 1
`;

/** KEYS: value key, kind index. Returns the value (GETDEL: of two callers exactly one gets it) or nil. */
export const CONSUME = `
local value = redis.call('GETDEL', KEYS[1])
if value then redis.call('ZREM', KEYS[2], KEYS[1]) end
return value
`;

/** KEYS: value key, kind index. */
export const DELETE = `
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], KEYS[1])
return 1
`;

/**
 * KEYS: value key, kind index. ARGV: ttl ms, kind limit. INCR on a live counter (its TTL is left
 * as set at creation); a new counter takes a place in its kind first. A non-integer value is
 * replaced by 1, keeping its TTL (as the memory store does). Returns the count, or -1 when full.
 */
export const INCREMENT = `${PROLOGUE}
local key, index = KEYS[1], KEYS[2]
local ttl, limit = tonumber(ARGV[1]), tonumber(ARGV[2])
if redis.call('EXISTS', key) == 1 then
  local n = redis.pcall('INCR', key)
  if type(n) == 'number' then return n end
  redis.call('SET', key, '1', 'KEEPTTL')
  return 1
end
if not room(index, limit) then return -1 end
store(key, index, '1', ttl)
return 1
`;
