// snapshot_store.cpp: the on-disk snapshot cache (see snapshot_store.h): entry files, lookup, atomic writes, LRU.
#include "runtime/snapshot_store.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace lectern::runtime {
namespace fs = std::filesystem;

namespace {

constexpr char k_magic[8] = {'L', 'C', 'T', 'S', 'N', 'A', 'P', '1'};
constexpr uint32_t k_version = 1;
constexpr const char* k_suffix = ".lsnap";
constexpr const char* k_temp_marker = ".tmp-";

std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

uint64_t fmix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 33);
}

// Appends plain values to a byte buffer / reads them back with bounds checks.
struct Writer {
  std::vector<uint8_t> bytes;
  void raw(const void* p, size_t n) {
    if (n == 0) return;
    const size_t at = bytes.size();
    bytes.resize(at + n);
    std::memcpy(bytes.data() + at, p, n);
  }
  void u64(uint64_t v) { raw(&v, 8); }
  void str(const std::string& s) { u64(s.size()), raw(s.data(), s.size()); }
};

struct Reader {
  std::span<const uint8_t> bytes;
  size_t at = 0;
  bool raw(void* p, size_t n) {
    if (n > bytes.size() - at) return false;
    std::memcpy(p, bytes.data() + at, n);
    at += n;
    return true;
  }
  bool u64(uint64_t& v) { return raw(&v, 8); }
  bool str(std::string& s) {
    uint64_t n = 0;
    if (!u64(n) || n > bytes.size() - at) return false;
    s.assign(reinterpret_cast<const char*>(bytes.data() + at), n);
    at += n;
    return true;
  }
};

Result<std::vector<uint8_t>> read_file(const fs::path& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status(ErrorCode::IoError, "cannot open snapshot " + path.string());
  std::vector<uint8_t> bytes;
  std::error_code ec;
  const uint64_t size = fs::file_size(path, ec);
  if (!ec) bytes.resize(size);
  const bool ok = !ec && std::fread(bytes.data(), 1, bytes.size(), f) == bytes.size();
  std::fclose(f);
  if (!ok) return Status(ErrorCode::IoError, "cannot read snapshot " + path.string());
  return bytes;
}

void touch(const fs::path& path) {
  std::error_code ec;
  fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
}

bool is_entry(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 6 && name.ends_with(k_suffix) && name.find(k_temp_marker) == std::string::npos;
}

}  // namespace

uint64_t snapshot_hash(const void* data, uint64_t n_bytes, uint64_t seed) {
  const auto* p = static_cast<const uint8_t*>(data);
  uint64_t h = seed ^ (n_bytes * 0x9e3779b97f4a7c15ull);
  uint64_t i = 0;
  for (; i + 8 <= n_bytes; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = std::rotl(h ^ (w * 0x87c37b91114253d5ull), 31) * 0x4cf5ad432745937full + 0x52dce729;
  }
  uint64_t tail = 0;
  for (uint64_t j = 0; i + j < n_bytes; ++j) tail |= uint64_t{p[i + j]} << (8 * j);
  h ^= tail * 0x87c37b91114253d5ull;
  return fmix(h);
}

Result<std::shared_ptr<SnapshotStore>> SnapshotStore::open(const SnapshotStoreOptions& options) {
  if (options.dir.empty() || options.model_identity.empty())
    return Status(ErrorCode::InvalidArgument, "snapshot store: needs a directory and a model identity");
  std::error_code ec;
  fs::create_directories(options.dir, ec);
  if (ec || !fs::is_directory(options.dir))
    return Status(ErrorCode::IoError, "snapshot store: cannot create the directory " + options.dir.string() + ": " +
                                          ec.message() + "; choose a writable snapshot directory");
  const auto stale = fs::file_time_type::clock::now() - std::chrono::minutes(10);
  for (const auto& e : fs::directory_iterator(options.dir, ec)) {
    const std::string name = e.path().filename().string();
    std::error_code ec2;
    if (name.find(k_temp_marker) != std::string::npos && e.last_write_time(ec2) < stale && !ec2)
      fs::remove(e.path(), ec2);
  }
  return std::shared_ptr<SnapshotStore>(new SnapshotStore(options));
}

std::string SnapshotStore::format_key(const std::string& state_format) const {
  const std::string both = options_.model_identity + '\0' + state_format;
  return hex64(snapshot_hash(both.data(), both.size(), 1));
}

std::string SnapshotStore::entry_name(std::span<const int32_t> prefix, const std::string& state_format) const {
  return std::to_string(prefix.size()) + "-" + hex64(snapshot_hash(prefix.data(), prefix.size_bytes())) + "-" +
         format_key(state_format) + k_suffix;
}

bool SnapshotStore::contains(std::span<const int32_t> prefix, const std::string& state_format) const {
  std::error_code ec;
  return fs::exists(options_.dir / entry_name(prefix, state_format), ec);
}

Result<std::optional<StoredState>> SnapshotStore::find_longest_prefix(std::span<const int32_t> tokens,
                                                                      const std::string& state_format,
                                                                      int64_t min_tokens) const {
  const std::string key_suffix = "-" + format_key(state_format) + k_suffix;
  std::vector<std::pair<int64_t, fs::path>> candidates;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(options_.dir, ec)) {
    const std::string name = e.path().filename().string();
    if (!is_entry(e.path()) || !name.ends_with(key_suffix)) continue;
    const int64_t n = std::strtoll(name.c_str(), nullptr, 10);
    if (n >= std::max<int64_t>(min_tokens, 1) && n <= static_cast<int64_t>(tokens.size()))
      candidates.emplace_back(n, e.path());
  }
  if (ec)
    return Status(ErrorCode::IoError, "snapshot store: cannot list " + options_.dir.string() + ": " + ec.message());
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [n, path] : candidates) {
    const auto prefix = tokens.first(static_cast<size_t>(n));
    if (path.filename().string() != entry_name(prefix, state_format)) continue;
    auto bytes = read_file(path);
    if (!bytes.is_ok()) continue;  // vanished (evicted by another process) or unreadable: a miss
    // Layout: magic, version, identity, format, tokens, logits, state size, state, then the checksum: the hash of
    // the state seeded with the hash of everything before it.
    const std::vector<uint8_t>& b = bytes.value();
    bool ok = b.size() >= 16 && std::memcmp(b.data(), k_magic, 8) == 0;
    Reader r{std::span<const uint8_t>(b.data(), ok ? b.size() - 8 : 0), 8};
    uint64_t version = 0, n_tok = 0, n_logits = 0, n_state = 0;
    std::string identity, format;
    StoredState out;
    ok = ok && r.u64(version) && version == k_version && r.str(identity) && r.str(format) && r.u64(n_tok) &&
         n_tok == static_cast<uint64_t>(n);
    if (ok && (identity != options_.model_identity || format != state_format)) continue;  // another model's entry
    std::vector<int32_t> stored(ok ? n_tok : 0);
    ok = ok && r.raw(stored.data(), stored.size() * 4) && r.u64(n_logits) && n_logits <= (b.size() - r.at) / 4;
    if (ok) {
      out.logits.resize(n_logits);
      ok = r.raw(out.logits.data(), n_logits * 4) && r.u64(n_state) && n_state == b.size() - 8 - r.at;
    }
    if (ok) {
      uint64_t sum = 0;
      std::memcpy(&sum, b.data() + b.size() - 8, 8);
      ok = snapshot_hash(b.data() + r.at, n_state, snapshot_hash(b.data(), r.at, 2)) == sum;
    }
    if (ok) {
      out.state.assign(b.begin() + static_cast<std::ptrdiff_t>(r.at), b.end() - 8);
      out.n_tokens = n;
    }
    if (!ok) {  // truncated, damaged or not ours in form: never load it again
      fs::remove(path, ec);
      continue;
    }
    if (!std::equal(stored.begin(), stored.end(), prefix.begin())) continue;  // a hash collision
    touch(path);
    return std::optional<StoredState>(std::move(out));
  }
  return std::optional<StoredState>();
}

Status SnapshotStore::put(std::span<const int32_t> prefix, const std::string& state_format,
                          std::span<const float> logits, std::span<const uint8_t> state) const {
  const fs::path path = options_.dir / entry_name(prefix, state_format);
  std::error_code ec;
  if (fs::exists(path, ec)) {
    touch(path);
    return Status::ok();
  }
  Writer w;
  w.raw(k_magic, 8);
  w.u64(k_version);
  w.str(options_.model_identity);
  w.str(state_format);
  w.u64(prefix.size());
  w.raw(prefix.data(), prefix.size_bytes());
  w.u64(logits.size());
  w.raw(logits.data(), logits.size_bytes());
  w.u64(state.size());
  const uint64_t total = w.bytes.size() + state.size() + 8;
  if (total > options_.max_bytes) return Status::ok();  // would evict everything and itself
  const uint64_t sum = snapshot_hash(state.data(), state.size(), snapshot_hash(w.bytes.data(), w.bytes.size(), 2));

  static std::atomic<uint64_t> counter{0};
  const fs::path temp = options_.dir / (path.filename().string() + k_temp_marker + std::to_string(::getpid()) + "-" +
                                        std::to_string(counter++));
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (!f) return Status(ErrorCode::IoError, "snapshot store: cannot create " + temp.string());
  bool ok = std::fwrite(w.bytes.data(), 1, w.bytes.size(), f) == w.bytes.size() &&
            std::fwrite(state.data(), 1, state.size(), f) == state.size() && std::fwrite(&sum, 1, 8, f) == 8 &&
            std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
  ok = std::fclose(f) == 0 && ok;
  if (ok) {
    fs::rename(temp, path, ec);
    ok = !ec;
  }
  if (!ok) {
    fs::remove(temp, ec);
    return Status(ErrorCode::IoError, "snapshot store: cannot write " + path.string() +
                                          " (disk full or not writable?); the snapshot was not saved");
  }
  evict(path);
  return Status::ok();
}

void SnapshotStore::evict(const fs::path& keep) const {
  struct Entry {
    fs::file_time_type used;
    uint64_t size;
    fs::path path;
  };
  std::vector<Entry> entries;
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(options_.dir, ec)) {
    if (!is_entry(e.path())) continue;
    std::error_code ec2;
    const uint64_t size = e.file_size(ec2);
    const auto used = e.last_write_time(ec2);
    if (ec2) continue;
    entries.push_back({used, size, e.path()});
    total += size;
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used < b.used; });
  for (const Entry& e : entries) {
    if (total <= options_.max_bytes) break;
    if (e.path == keep) continue;
    if (fs::remove(e.path, ec)) total -= e.size;
  }
}

uint64_t SnapshotStore::bytes_on_disk() const {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(options_.dir, ec)) {
    std::error_code ec2;
    if (is_entry(e.path())) total += e.file_size(ec2);
  }
  return total;
}

size_t SnapshotStore::n_entries() const {
  size_t n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(options_.dir, ec)) n += is_entry(e.path()) ? 1 : 0;
  return n;
}

}  // namespace lectern::runtime
