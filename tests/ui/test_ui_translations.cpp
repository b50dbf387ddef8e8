// test_ui_translations.cpp: every i18n/lectern_<locale>.ts is complete and sound: its embedded .qm loads, every
// translation keeps exactly its source's placeholders (%1..%9, %n) and keyboard accelerator, finished entries are
// never empty, every message of every translation is finished, and the .qm gives the .ts translation back.
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

#include "app/translations.h"

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;  // "" (finished), "unfinished", "vanished", "obsolete"
    QStringList translations;  // one, or one per plural form
};

// Parses a Qt Linguist .ts file. Returns false with *error on a malformed file.
bool parseTs(const QString& path, QString* language, QList<Message>* messages, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                *language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                message = Message();
                message.context = context;
                message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                message.source = xml.readElementText();
            } else if (name == QLatin1String("comment")) {
                message.comment = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!message.numerus)
                    message.translations.append(xml.readElementText());
            } else if (name == QLatin1String("numerusform")) {
                message.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages->append(message);
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return false;
    }
    return true;
}

// %1..%9 and %n, each counted once ("%1 of %1" is the set {%1}); %L1 counts as %1.
QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?([1-9]|n)"));
    QSet<QString> found;
    for (const QRegularExpressionMatch& match : pattern.globalMatch(text))
        found.insert(QLatin1Char('%') + match.captured(1));
    return found;
}

// The mnemonic letter's marker: "&File" has one, "&&" and "& " do not.
bool hasAccelerator(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("(^|[^&])&[^&\\s]"));
    return pattern.match(text).hasMatch();
}

QString describe(const Message& message)
{
    return QStringLiteral("[%1] \"%2\"").arg(message.context, message.source);
}

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void translations_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<int>("pluralForms");
        QTest::addColumn<bool>("isSourceLanguage");
        QTest::newRow("en") << QStringLiteral("en") << 2 << true;
        QTest::newRow("de") << QStringLiteral("de") << 2 << false;
        QTest::newRow("es") << QStringLiteral("es") << 2 << false;
        QTest::newRow("ja") << QStringLiteral("ja") << 1 << false;
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << 1 << false;
    }

    void translations()
    {
        QFETCH(QString, locale);
        QFETCH(int, pluralForms);
        QFETCH(bool, isSourceLanguage);

        const QString tsPath = QStringLiteral(LECTERN_I18N_DIR "/lectern_%1.ts").arg(locale);
        QString language;
        QList<Message> messages;
        QString error;
        QVERIFY2(parseTs(tsPath, &language, &messages, &error), qPrintable(error));
        // lupdate writes the language as given or with its main country ("ja" -> "ja_JP").
        QVERIFY2(language == locale || language.startsWith(locale + QLatin1Char('_')), qPrintable(language));
        QVERIFY2(messages.size() > 100, qPrintable(QStringLiteral("%1 has only %2 messages").arg(tsPath).arg(messages.size())));

        // The compiled translation is embedded by qt_add_translations (ui/CMakeLists.txt).
        QTranslator translator;
        QVERIFY2(translator.load(QStringLiteral(":/i18n/lectern_%1.qm").arg(locale)),
                 qPrintable(QStringLiteral(":/i18n/lectern_%1.qm does not load").arg(locale)));
        QCOMPARE(translator.language(), language);

        QStringList problems;
        int finished = 0;
        int considered = 0;
        for (const Message& message : messages) {
            if (message.type == QLatin1String("vanished") || message.type == QLatin1String("obsolete"))
                continue;
            ++considered;
            const bool isFinished = message.type.isEmpty();
            if (isFinished)
                ++finished;
            if (message.numerus && message.translations.size() != pluralForms)
                problems.append(QStringLiteral("%1: %2 plural forms, %3 wanted")
                                    .arg(describe(message)).arg(message.translations.size()).arg(pluralForms));
            const QSet<QString> wanted = placeholders(message.source);
            for (const QString& translation : message.translations) {
                if (translation.isEmpty()) {
                    if (isFinished)
                        problems.append(QStringLiteral("%1: finished but empty").arg(describe(message)));
                    continue;
                }
                if (placeholders(translation) != wanted)
                    problems.append(QStringLiteral("%1: placeholders differ in \"%2\"").arg(describe(message), translation));
                if (hasAccelerator(message.source) != hasAccelerator(translation))
                    problems.append(QStringLiteral("%1: accelerator differs in \"%2\"").arg(describe(message), translation));
            }
            // The .qm gives back what the .ts says (it was compiled from this file, in this build).
            if (isFinished && !message.numerus && !message.translations.isEmpty()) {
                const QString fromQm = translator.translate(message.context.toUtf8().constData(),
                                                            message.source.toUtf8().constData(),
                                                            message.comment.isEmpty() ? nullptr
                                                                                      : message.comment.toUtf8().constData());
                if (fromQm != message.translations.first())
                    problems.append(QStringLiteral("%1: the .qm says \"%2\", the .ts \"%3\" (rebuild)")
                                        .arg(describe(message), fromQm, message.translations.first()));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        if (!isSourceLanguage) {
            // Every message is translated: a new string needs its translations in the same change (run
            // `ninja update_translations`, then translate what it marks unfinished).
            QStringList unfinished;
            for (const Message& message : messages)
                if (message.type == QLatin1String("unfinished"))
                    unfinished.append(describe(message));
            QVERIFY2(finished == considered,
                     qPrintable(QStringLiteral("%1: %2 of %3 messages are not translated:\n%4")
                                    .arg(locale).arg(considered - finished).arg(considered).arg(unfinished.join(QLatin1Char('\n')))));
        }
    }

    void languageSettingPicksTranslation()
    {
        // Settings → language: a locale name picks that translation whatever the system says; "" follows the system.
        for (const char* language : {"de", "es", "ja", "zh_CN"}) {
            const QString loaded = lectern::app::installTranslations(*qApp, QString::fromLatin1(language));
            QCOMPARE(loaded, QStringLiteral(":/i18n/lectern_%1.qm").arg(QLatin1String(language)));
            removeTranslations();
        }
        QCOMPARE(lectern::app::installTranslations(*qApp, QStringLiteral("ja")), QStringLiteral(":/i18n/lectern_ja.qm"));
        QCOMPARE(QCoreApplication::translate("Sidebar", "New chat"), QStringLiteral("新しいチャット"));
        removeTranslations();
        // The test runs with LANGUAGE= and LC_ALL=C.UTF-8: the system language is English, which has no .qm content.
        QCOMPARE(lectern::app::installTranslations(*qApp, QString()),
                 lectern::app::installTranslations(*qApp, QLocale::system()));
        removeTranslations();
        QCOMPARE(QCoreApplication::translate("Sidebar", "New chat"), QStringLiteral("New chat"));
    }

    void checksCatchMistakes()
    {
        // The checks themselves: a lost %1, a duplicated one, %n, %L1 and accelerators.
        QCOMPARE(placeholders(QStringLiteral("%1 of %2 tokens")), (QSet<QString>{QStringLiteral("%1"), QStringLiteral("%2")}));
        QVERIFY(placeholders(QStringLiteral("%1 Tokens")) != placeholders(QStringLiteral("%1 of %2 tokens")));
        QCOMPARE(placeholders(QStringLiteral("%n page(s)")), QSet<QString>{QStringLiteral("%n")});
        QCOMPARE(placeholders(QStringLiteral("%L1 tokens")), QSet<QString>{QStringLiteral("%1")});
        QCOMPARE(placeholders(QStringLiteral("100% done")), QSet<QString>{});
        QVERIFY(hasAccelerator(QStringLiteral("&Open")));
        QVERIFY(!hasAccelerator(QStringLiteral("Tom && Jerry")));
        QVERIFY(!hasAccelerator(QStringLiteral("A & B")));
    }

private:
    static void removeTranslations()
    {
        for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
};

QTEST_MAIN(TestTranslations)
#include "test_ui_translations.moc"
