// main.cpp: lectern-cli entry point; dispatches to the registered subcommands.
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "command.h"
#include "lectern/version.h"

namespace lectern::cli {

static std::vector<Command>& registry() {
  static std::vector<Command> r;
  return r;
}

bool register_command(const Command& command) {
  registry().push_back(command);
  return true;
}

const std::vector<Command>& commands() { return registry(); }

}  // namespace lectern::cli

static void print_usage(FILE* out) {
  std::fprintf(out, "lectern-cli %s: the Lectern engine's command-line tool\n\nUsage: lectern-cli <command> [options]\n\n",
               LECTERN_VERSION_STRING);
  auto cmds = lectern::cli::commands();
  std::sort(cmds.begin(), cmds.end(), [](const auto& a, const auto& b) { return std::strcmp(a.name, b.name) < 0; });
  for (const auto& c : cmds) std::fprintf(out, "  %-16s %s\n", c.name, c.summary);
  std::fprintf(out, "\n  --version        print the version\n  --help           this text\n");
}

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return 2;
  }
  std::string name = argv[1];
  if (name == "--version" || name == "-V") {
    std::printf("lectern-cli %s\n", LECTERN_VERSION_STRING);
    return 0;
  }
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(stdout);
    return 0;
  }
  for (const auto& c : lectern::cli::commands()) {
    if (name == c.name) return c.run(std::vector<std::string>(argv + 2, argv + argc));
  }
  std::fprintf(stderr, "lectern-cli: unknown command '%s' (see lectern-cli --help)\n", name.c_str());
  return 2;
}
