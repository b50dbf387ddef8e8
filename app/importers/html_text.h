// html_text.h: a small, linear-time HTML-to-text converter that needs no QtGui: tags removed, script, style
// and head content dropped, block elements as line breaks, character references decoded. TextImporter uses
// it for titles, and for whole documents when no QGuiApplication exists (QTextDocument needs one).
#pragma once

#include <QString>

namespace lectern::app {

class HtmlText {
public:
    static QString toPlainText(const QString& html);
    // Decodes &name; (HTML 4 names: Latin-1, punctuation, symbols), &#N; and &#xN;. Unknown names stay as
    // written; invalid code points become U+FFFD.
    static QString decodeEntities(const QString& text);
};

}  // namespace lectern::app
