// fuzz_text.cpp: libFuzzer target for the text importer: encoding detection and every flavour (plain,
// Markdown, CSV, JSON, HTML), chosen by the first byte, through the full pipeline including sniffing.
#include "fuzz_common.h"

#include "app/importers/html_text.h"
#include "app/importers/importer.h"
#include "app/importers/text_importer.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    lectern::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace lectern::app;
    static const char* const suffixes[] = {"txt", "md", "csv", "json", "html"};
    const char* suffix = suffixes[size > 0 ? data[0] % 5 : 0];
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));

    // The pure functions directly...
    const TextImporter::DecodedText decoded = TextImporter::decode(bytes);
    QString title;
    (void)TextImporter::htmlToText(decoded.text, &title);
    (void)HtmlText::toPlainText(decoded.text);  // the converter used where there is no QGuiApplication

    // ...and the whole pipeline, as a dropped file would go through it.
    const ImportOptions options = lectern::fuzz::smallLimits();
    const ImportedDocument doc
        = Importer::importFile(lectern::fuzz::writeInput(data, size, suffix), options, lectern::fuzz::context(options));
    lectern::fuzz::exercise(doc);
    return 0;
}
