// fuzz_pdf.cpp: libFuzzer target for PdfImporter (open, unlock, per-page text, page image rendering).
#include "fuzz_common.h"

#include "app/importers/importer.h"
#include "app/importers/pdf_importer.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    lectern::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace lectern::app;
    ImportedDocument doc;
    doc.kind = DocumentKind::Pdf;
    doc.sourcePath = lectern::fuzz::writeInput(data, size, "pdf");
    doc.metadata.format = QStringLiteral("pdf");
    ImportOptions options = lectern::fuzz::smallLimits();
    options.password = "fuzz";  // also walk the unlock path for encrypted inputs
    PdfImporter::import(doc, options, lectern::fuzz::context(options));
    if (doc.ok())
        Importer::estimateTokens(doc, *defaultTextTokenEstimator());
    lectern::fuzz::exercise(doc);
    return 0;
}
