// import_options.h: what one import may do (password, page range, render DPI, frame sampling) and the limits
// that keep a hostile or broken file from exhausting memory or time.
#pragma once

#include <QByteArray>
#include <QString>

namespace lectern::app {

// Hard ceilings. Every one is checked before the expensive step it guards, so a file that breaks one costs
// almost nothing. Defaults suit a desktop with a few GiB to spare; tests inject small values.
struct ImportLimits {
    qint64 maxFileBytes = qint64(8) << 30;   // any file: checked from the file size before a byte is read
    qint64 maxPdfBytes = qint64(1) << 30;
    qint64 maxImageBytes = qint64(512) << 20;
    qint64 maxVideoBytes = qint64(8) << 30;
    qint64 maxTextBytes = qint64(64) << 20;
    qint64 maxHtmlBytes = qint64(16) << 20;  // HTML is parsed into a QTextDocument: keep it smaller

    // Images: the header's claimed size is checked before decoding (decompression bombs).
    qint64 maxImageSourcePixels = qint64(1) << 30;  // ~1 Gpx: 20000 x 20000 passes, 60000 x 60000 does not
    int maxImageSide = 65535;
    qint64 maxDecodePixels = 16777216;       // decoded (scaled) size; = the vision max_pixels, qwen35.md §7.2
    qint64 maxFullDecodeBytes = qint64(512) << 20;  // formats that cannot decode scaled must fit this whole

    // PDF
    int maxPdfPages = 1000;                  // pages imported when no range is given; the rest → a warning
    qint64 maxRenderPixels = 16777216;       // a rendered page never exceeds this: the DPI is lowered instead

    // Video
    int maxVideoSide = 8192;
    double maxVideoSeconds = 6 * 3600.0;
    qint64 maxVideoPackets = 4000000;        // demuxed packets scanned for timestamps

    int timeLimitMs = 120000;                // whole import; checked between pages/frames and inside FFmpeg I/O
};

// Frame sampling for video, qwen35.md §7.4 (fps 2, min 4, max 768 frames).
struct VideoSampling {
    double fps = 2.0;
    int minFrames = 4;
    int maxFrames = 768;  // the frame budget
};

// Pixel budgets of the vision encoder's smart resize (qwen35.md §7.2, §7.4); the processor's defaults. They decide
// the vision token estimates and must be the engine's (EngineOptions::vision_budget) so the estimates match what
// is sent. Video: the whole clip (frames rounded up to even × h × w) shares the budget.
struct VisionPixelBudget {
    qint64 imageMinPixels = 65536;
    qint64 imageMaxPixels = 16777216;
    qint64 videoMinPixels = 4096;
    qint64 videoMaxPixels = 25165824;
};

struct ImportOptions {
    QByteArray password;           // for locked PDFs: tried as user and as owner password
    QString pageRange;             // PDF pages, 1-based: "1-5,8,10-"; empty = all (up to limits.maxPdfPages)
    double renderDpi = 120.0;      // PDF page images; US Letter → 1020 x 1320 px → 1312 vision tokens
    int minTextCharacters = 16;    // a PDF page with fewer printable characters is sent as an image
    VideoSampling video;
    VisionPixelBudget visionPixels;  // token estimates only (not part of the fingerprint: estimated after the cache)
    ImportLimits limits;

    // Everything that changes an import's result, as text: part of the cache key. The password is left out
    // (the result of an unlocked document does not depend on which password unlocked it, and encrypted
    // documents are never cached).
    QString fingerprint() const;
};

}  // namespace lectern::app
