// command.h: self-registering subcommands of lectern-cli; each cmd_<name>.cpp registers one.
#pragma once

#include <string>
#include <vector>

namespace lectern::cli {

// args excludes the program and subcommand names. Returns the process exit code.
using CommandFn = int (*)(const std::vector<std::string>& args);

struct Command {
  const char* name;
  const char* summary;  // one line for `lectern-cli --help`
  CommandFn run;
};

bool register_command(const Command& command);
const std::vector<Command>& commands();

}  // namespace lectern::cli

// At namespace scope in a cmd_*.cpp: LECTERN_CLI_COMMAND(devices, "list Vulkan devices", run_devices);
#define LECTERN_CLI_COMMAND(name, summary, fn) \
  static const bool lectern_cli_registered_##name = ::lectern::cli::register_command({#name, summary, fn})
