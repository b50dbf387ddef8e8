// markdown_export.h: conversations as one Markdown document (CommonMark + the <details> element that
// GitHub, GitLab and most Markdown viewers render as a collapsible section).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include "app/export/conversation_bundle.h"

namespace lectern::exporting {

struct MarkdownOptions {
    bool includeReasoning = true;
};

// The format, UTF-8 with LF line ends (CR LF and CR in the text become LF), ending in one LF:
//
//   # <title, or "Untitled conversation">        title: Markdown punctuation backslash-escaped
//
//   - Model: <model>                              only when set
//   - Thinking: on|off
//   - Created: 2025-03-01 09:30 UTC
//
//   ## User | ## Assistant | ## System           one section per message, in order
//
//   <details>                                     assistant reasoning, only with includeReasoning and
//   <summary>Reasoning (2.5 s)</summary>          when there is some; "(2.5 s)" only when the duration
//                                                 is known. The text is a block quote ("> " before each
//   > reasoning line                              line, ">" alone for an empty line), so Markdown inside it
//   >                                             cannot end the collapsible section early, and viewers
//   > next line                                   without <details> still show it set apart.
//
//   </details>
//
//   <content, verbatim Markdown as the model wrote it; trailing newlines trimmed>
//
//   *Attached: report.pdf (pdf, 3 pages)*         one line per attachment sent with the message (file
//                                                 name only, escaped; "N frames" for videos)
//   *The answer was interrupted.*                 assistant messages that did not end normally:
//                                                 also "cut off at the length limit", "stopped", "failed"
//
// Conversations are separated by a line "---" with a blank line on each side. Attachments not tied to a
// message are listed after the metadata as "*Attached: ...*" lines. User-visible words go through tr().
class MarkdownExport {
    Q_DECLARE_TR_FUNCTIONS(MarkdownExport)

public:
    static QByteArray write(const QList<ConversationBundle>& conversations, const MarkdownOptions& options);

    // Backslash-escapes the characters that would start Markdown syntax inside a line of plain text.
    static QString escapeInline(const QString& text);
};

}  // namespace lectern::exporting
