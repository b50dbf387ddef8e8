// stream_printer.cpp: StreamPrinter.
#include "stream_printer.h"

#include <unistd.h>

namespace lectern::cli {

bool is_terminal(std::FILE* f) { return ::isatty(::fileno(f)) == 1; }

void StreamPrinter::write(const std::string& text) {
  if (text.empty()) return;
  std::fwrite(text.data(), 1, text.size(), out_);
  at_line_start_ = text.back() == '\n';
  std::fflush(out_);
}

void StreamPrinter::close_reasoning() {
  if (!in_reasoning_) return;
  in_reasoning_ = false;
  if (terminal_) {
    write("\x1b[0m\n\n");
  } else {
    if (!at_line_start_) write("\n");
    write("[/thinking]\n");
  }
}

void StreamPrinter::on_piece(const GenerationPiece& piece) {
  const AssistantDelta& d = piece.delta;
  if (!d.reasoning.empty()) {
    if (!in_reasoning_) {
      in_reasoning_ = true;
      write(terminal_ ? "\x1b[2mThinking: " : "[thinking]\n");
    }
    write(d.reasoning);
  }
  if (!d.content.empty() || !d.tool_calls.empty()) close_reasoning();
  write(d.content);
  for (const ToolCall& call : d.tool_calls) {
    if (!at_line_start_) write("\n");
    write("[tool call] " + call.name + " " + (call.arguments_json.empty() ? "{}" : call.arguments_json) + "\n");
  }
}

void StreamPrinter::finish() {
  close_reasoning();
  if (!at_line_start_) write("\n");
}

}  // namespace lectern::cli
