// html_text.cpp: one pass over the markup; every search starts where the previous one ended, so hostile input
// (unclosed tags, comments or scripts) costs linear time.
#include "app/importers/html_text.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace lectern::app {

namespace {

// HTML 4.01 character entity names for U+00A0..U+00FF, in code point order.
constexpr const char* kLatin1Names[96] = {
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo",
    "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute",
    "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash",
    "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde",
    "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
    "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave",
    "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml"};

struct NamedEntity {
    const char* name;
    char32_t codePoint;
};

constexpr NamedEntity kOtherNames[] = {
    {"amp", 38}, {"lt", 60}, {"gt", 62}, {"quot", 34}, {"apos", 39}, {"OElig", 338}, {"oelig", 339},
    {"Scaron", 352}, {"scaron", 353}, {"Yuml", 376}, {"fnof", 402}, {"circ", 710}, {"tilde", 732},
    {"ensp", 8194}, {"emsp", 8195}, {"thinsp", 8201}, {"zwnj", 8204}, {"zwj", 8205}, {"lrm", 8206},
    {"rlm", 8207}, {"ndash", 8211}, {"mdash", 8212}, {"lsquo", 8216}, {"rsquo", 8217}, {"sbquo", 8218},
    {"ldquo", 8220}, {"rdquo", 8221}, {"bdquo", 8222}, {"dagger", 8224}, {"Dagger", 8225}, {"bull", 8226},
    {"hellip", 8230}, {"permil", 8240}, {"prime", 8242}, {"Prime", 8243}, {"lsaquo", 8249}, {"rsaquo", 8250},
    {"euro", 8364}, {"trade", 8482}, {"larr", 8592}, {"uarr", 8593}, {"rarr", 8594}, {"darr", 8595},
    {"harr", 8596}, {"minus", 8722}, {"radic", 8730}, {"infin", 8734}, {"asymp", 8776}, {"ne", 8800},
    {"le", 8804}, {"ge", 8805}, {"sum", 8721}, {"prod", 8719}, {"alpha", 945}, {"beta", 946}, {"gamma", 947},
    {"delta", 948}, {"pi", 960}, {"mu", 956}, {"sigma", 963}, {"omega", 969}, {"Omega", 937},
};

const QHash<QString, char32_t>& entityTable()
{
    static const QHash<QString, char32_t> table = [] {
        QHash<QString, char32_t> names;
        for (int i = 0; i < 96; ++i)
            names.insert(QLatin1String(kLatin1Names[i]), char32_t(0xA0 + i));
        for (const NamedEntity& entity : kOtherNames)
            names.insert(QLatin1String(entity.name), entity.codePoint);
        return names;
    }();
    return table;
}

void appendCodePoint(QString& out, char32_t codePoint)
{
    if (codePoint == 0 || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        codePoint = 0xFFFD;
    out.append(QString::fromUcs4(&codePoint, 1));
}

// Decodes the reference starting at text[at] == '&'. Returns the index after it, or `at` when it is none.
qsizetype decodeReference(const QString& text, qsizetype at, QString& out)
{
    constexpr qsizetype kMaxLength = 32;
    const qsizetype semicolon = text.indexOf(QLatin1Char(';'), at + 1);
    if (semicolon < 0 || semicolon - at > kMaxLength)
        return at;
    const QStringView body = QStringView(text).mid(at + 1, semicolon - at - 1);
    if (body.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        const bool hex = body.size() > 1 && (body.at(1) == QLatin1Char('x') || body.at(1) == QLatin1Char('X'));
        const qulonglong value = hex ? body.mid(2).toULongLong(&ok, 16) : body.mid(1).toULongLong(&ok, 10);
        if (!ok)
            return at;
        appendCodePoint(out, value > 0x10FFFF ? 0xFFFD : char32_t(value));
        return semicolon + 1;
    }
    const auto it = entityTable().constFind(body.toString());
    if (it == entityTable().constEnd())
        return at;
    appendCodePoint(out, *it);
    return semicolon + 1;
}

bool isNameCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char(':');
}

}  // namespace

QString HtmlText::decodeEntities(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            const qsizetype next = decodeReference(text, i, out);
            if (next != i) {
                i = next - 1;
                continue;
            }
        }
        out.append(text.at(i));
    }
    return out;
}

QString HtmlText::toPlainText(const QString& html)
{
    static const QSet<QString> skipped{QStringLiteral("script"), QStringLiteral("style"), QStringLiteral("head"),
                                       QStringLiteral("title"), QStringLiteral("noscript"), QStringLiteral("template")};
    static const QSet<QString> blocks{
        QStringLiteral("p"), QStringLiteral("div"), QStringLiteral("br"), QStringLiteral("li"), QStringLiteral("tr"),
        QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"), QStringLiteral("h4"), QStringLiteral("h5"),
        QStringLiteral("h6"), QStringLiteral("table"), QStringLiteral("ul"), QStringLiteral("ol"),
        QStringLiteral("blockquote"), QStringLiteral("pre"), QStringLiteral("hr"), QStringLiteral("section"),
        QStringLiteral("article"), QStringLiteral("header"), QStringLiteral("footer"), QStringLiteral("dt"),
        QStringLiteral("dd"), QStringLiteral("body")};
    QString out;
    out.reserve(html.size());
    bool pendingSpace = false;
    auto lineBreak = [&out, &pendingSpace] {
        pendingSpace = false;
        while (out.endsWith(QLatin1Char(' ')))
            out.chop(1);
        if (!out.isEmpty() && !out.endsWith(QLatin1Char('\n')))
            out.append(QLatin1Char('\n'));  // one line break however many block boundaries meet here
    };
    const qsizetype n = html.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = html.at(i);
        if (c == QLatin1Char('<')) {
            if (QStringView(html).mid(i, 4) == QLatin1String("<!--")) {
                const qsizetype end = html.indexOf(QLatin1String("-->"), i + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            const qsizetype close = html.indexOf(QLatin1Char('>'), i + 1);
            if (close < 0)
                break;  // an unterminated tag ends the document
            qsizetype p = i + 1;
            const bool closing = p < close && html.at(p) == QLatin1Char('/');
            if (closing)
                ++p;
            const qsizetype nameStart = p;
            while (p < close && isNameCharacter(html.at(p)))
                ++p;
            const QString name = html.mid(nameStart, p - nameStart).toLower();
            i = close + 1;
            if (!closing && skipped.contains(name)) {
                const qsizetype end = html.indexOf(QStringLiteral("</") + name, i, Qt::CaseInsensitive);
                if (end < 0)
                    break;  // unclosed: the rest is inside it
                const qsizetype endClose = html.indexOf(QLatin1Char('>'), end);
                i = endClose < 0 ? n : endClose + 1;
                continue;
            }
            if (blocks.contains(name))
                lineBreak();
            else if (name == QLatin1String("td") || name == QLatin1String("th"))
                pendingSpace = !out.isEmpty() && !out.endsWith(QLatin1Char('\n'));
            continue;
        }
        if (c.isSpace()) {
            pendingSpace = !out.isEmpty() && !out.endsWith(QLatin1Char('\n'));
            ++i;
            continue;
        }
        if (pendingSpace) {
            out.append(QLatin1Char(' '));
            pendingSpace = false;
        }
        if (c == QLatin1Char('&')) {
            const qsizetype next = decodeReference(html, i, out);
            if (next != i) {
                i = next;
                continue;
            }
        }
        out.append(c);
        ++i;
    }
    out.replace(QChar::Nbsp, QLatin1Char(' '));
    return out.trimmed();
}

}  // namespace lectern::app
