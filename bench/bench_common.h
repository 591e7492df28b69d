// What the benchmark programs share: running one plan size in a child process (so its
// peak RSS is its own), the machine's load, and reading "--sizes 1000,10000".
#pragma once
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <type_traits>
#include <vector>

namespace azplan::bench {

// Runs `run()` in a forked child and returns its Result through a pipe (so Result must be
// plain data). If the child fails, returns `failed`; without fork, runs in this process.
template <typename Result, typename Run>
Result RunIsolated(Run run, Result failed) {
  static_assert(std::is_trivially_copyable_v<Result>, "the result crosses a pipe");
  int fds[2];
  if (pipe(fds) != 0) return run();
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return run();
  }
  if (pid == 0) {
    close(fds[0]);
    Result r = run();
    ssize_t n = write(fds[1], &r, sizeof r);
    _exit(n == static_cast<ssize_t>(sizeof r) ? 0 : 1);
  }
  close(fds[1]);
  Result r;
  size_t got = 0;
  while (got < sizeof r) {
    ssize_t n = read(fds[0], reinterpret_cast<char*>(&r) + got, sizeof r - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return got == sizeof r ? r : failed;
}

inline long PeakRssKiB() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;  // KiB on Linux
}

// Other work on the machine inflates wall-clock figures; the tables say how busy it was.
inline std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one;
  in >> one;
  return one.empty() ? "?" : one;
}

// "1000,10000,50000" → sizes; false when an entry is not a positive number.
inline bool ParseSizes(const std::string& v, std::vector<int>& sizes);

// The command line both programs take: --sizes, --seed, --json and one count of their own
// (`countFlag`: --runs, --frames).
struct Options {
  std::vector<int> sizes = {1000, 10000, 50000};
  uint64_t seed = 1;
  std::string json;
  int count = 0;  // the caller's default stays when the flag is not given
};

// Prints what is wrong and the usage, and returns false, on a bad command line.
inline bool ParseOptions(int argc, char** argv, const char* program, const char* countFlag, int minCount,
                         Options& o) {
  auto fail = [&](const std::string& problem) {
    std::fprintf(stderr, "%s: %s\nusage: %s [--sizes 1000,10000,50000] [%s N] [--seed S] [--json OUT]\n", program,
                 problem.c_str(), program, countFlag);
    return false;
  };
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return fail("missing value after " + a);
    std::string v = argv[++i];
    if (a == "--sizes") {
      if (!ParseSizes(v, o.sizes)) return fail("--sizes takes measure counts such as 1000,10000");
    } else if (a == countFlag) {
      o.count = std::atoi(v.c_str());
      if (o.count < minCount) return fail(std::string(countFlag) + " takes a number of at least " + std::to_string(minCount));
    } else if (a == "--seed") {
      o.seed = std::strtoull(v.c_str(), nullptr, 10);
    } else if (a == "--json") {
      o.json = v;
    } else {
      return fail("unknown option " + a);
    }
  }
  return true;
}

inline bool ParseSizes(const std::string& v, std::vector<int>& sizes) {
  sizes.clear();
  for (size_t p = 0; p < v.size();) {
    size_t comma = v.find(',', p);
    if (comma == std::string::npos) comma = v.size();
    int n = std::atoi(v.substr(p, comma - p).c_str());
    if (n <= 0) return false;
    sizes.push_back(n);
    p = comma + 1;
  }
  return !sizes.empty();
}

}  // namespace azplan::bench
