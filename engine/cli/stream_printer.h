// stream_printer.h: prints streamed generation for `lectern-cli run` and `chat`: reasoning dimmed after
// "Thinking:" on a terminal, between [thinking] ... [/thinking] markers when piped; answer text as it comes.
#pragma once

#include <cstdio>

#include "lectern/generation.h"

namespace lectern::cli {

class StreamPrinter {
 public:
  StreamPrinter(std::FILE* out, bool terminal) : out_(out), terminal_(terminal) {}

  void on_piece(const GenerationPiece& piece);
  // Closes an open reasoning block and ends the line.
  void finish();

 private:
  void write(const std::string& text);
  void close_reasoning();

  std::FILE* out_;
  bool terminal_;
  bool in_reasoning_ = false;
  bool at_line_start_ = true;
};

// Whether a FILE is an interactive terminal (ANSI styling allowed).
bool is_terminal(std::FILE* f);

}  // namespace lectern::cli
