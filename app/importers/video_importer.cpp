// video_importer.cpp: probe, timestamp scan, §7.4 sampling and a test decode of the first sampled frame.
// Sampling works on frame indices in presentation order, so variable frame rates are handled: each sampled
// frame keeps its own timestamp instead of index / fps.
#include "app/importers/video_importer.h"

#include "app/importers/video_reader.h"
#include "app/importers/vision_budget.h"

#include <QMutex>
#include <QMutexLocker>

#include <cmath>

namespace lectern::app {

namespace {

constexpr int kFrameDecodeTimeLimitMs = 30000;

class VideoFrameProvider final : public ImageProvider {
public:
    VideoFrameProvider(QString path, QList<VideoFrame> frames)
        : m_path(std::move(path)), m_frames(std::move(frames))
    {
    }

    int count() const override { return int(m_frames.size()); }

    QImage image(int index, QSize maxSize, QString* error) const override
    {
        QString message;
        QImage image;
        if (index < 0 || index >= m_frames.size()) {
            message = VideoImporter::tr("There is no sampled frame %1 in this video.").arg(index);
        } else {
            QMutexLocker lock(&m_mutex);
            QDeadlineTimer deadline(kFrameDecodeTimeLimitMs);
            if (!m_reader) {
                m_reader = std::make_unique<VideoReader>();
                ImportErrorCode code = ImportErrorCode::None;
                if (!m_reader->open(m_path, &code, &message)) {
                    m_reader.reset();
                    if (message.isEmpty())
                        message = VideoImporter::tr("The video could not be opened again to decode a frame.");
                }
            }
            if (m_reader) {
                m_reader->setInterrupt([deadline] { return deadline.hasExpired(); });
                image = m_reader->decodeFrame(m_frames.at(index).pts, maxSize, &message);
                m_reader->setInterrupt({});
            }
        }
        if (image.isNull() && error)
            *error = message;
        return image;
    }

private:
    QString m_path;
    QList<VideoFrame> m_frames;
    mutable QMutex m_mutex;
    mutable std::unique_ptr<VideoReader> m_reader;
};

void failStopped(ImportedDocument& doc, ImportErrorCode code, const QString& message, const ImportContext& context)
{
    // Cancellation and time-outs are reported by the caller, which knows which of the two it was.
    if (code == ImportErrorCode::Cancelled || context.shouldStop())
        return;
    doc.fail(code, message);
}

}  // namespace

void VideoImporter::import(ImportedDocument& doc, const ImportOptions& options, const ImportContext& context)
{
    const ImportLimits& limits = options.limits;
    context.report(0.0, tr("Opening video"));
    VideoReader reader;
    reader.setInterrupt([&context] { return context.shouldStop(); });
    ImportErrorCode code = ImportErrorCode::None;
    QString message;
    if (!reader.open(doc.sourcePath, &code, &message)) {
        failStopped(doc, code, message, context);
        return;
    }
    const VideoStreamInfo& info = reader.info();
    doc.metadata.codec = info.codec;
    doc.metadata.rotationDegrees = info.rotationDegrees;
    doc.metadata.dimensions = info.displaySize;
    doc.metadata.frameRate = info.averageFps;
    doc.metadata.durationSeconds = info.durationSeconds;

    if (info.codedSize.width() <= 0 || info.codedSize.height() <= 0) {
        doc.fail(ImportErrorCode::Corrupt, tr("The video stream has no valid frame size; the file is damaged."));
        return;
    }
    if (info.codedSize.width() > limits.maxVideoSide || info.codedSize.height() > limits.maxVideoSide) {
        doc.fail(ImportErrorCode::DimensionsTooLarge,
                 tr("The video frames are %1 x %2 pixels; Lectern reads videos up to %3 pixels per side.")
                     .arg(info.codedSize.width())
                     .arg(info.codedSize.height())
                     .arg(limits.maxVideoSide));
        return;
    }
    auto tooLong = [&](double seconds) {
        doc.fail(ImportErrorCode::DurationTooLong,
                 tr("The video claims to last %1 s; Lectern reads videos up to %2 s. Cut it into shorter clips.")
                     .arg(seconds, 0, 'f', 0)
                     .arg(limits.maxVideoSeconds, 0, 'f', 0));
    };
    if (info.durationSeconds > limits.maxVideoSeconds) {
        tooLong(info.durationSeconds);
        return;
    }

    context.report(0.05, tr("Reading frame timestamps"));
    QList<qint64> timestamps;
    const bool scanned = reader.scanTimestamps(limits.maxVideoPackets, &timestamps, &code, &message,
                                               [&context](double fraction) {
                                                   context.report(0.05 + 0.8 * fraction, tr("Reading frame timestamps"));
                                               });
    if (!scanned) {
        failStopped(doc, code, message, context);
        return;
    }
    if (timestamps.isEmpty()) {
        doc.fail(ImportErrorCode::NoContent, tr("The video stream contains no frames."));
        return;
    }
    const qint64 total = timestamps.size();
    const qint64 firstPts = timestamps.first();
    // Span of the stream: last minus first timestamp plus one average frame.
    const double span = reader.secondsFromPts(timestamps.last() - firstPts);
    const double streamSeconds = total > 1 ? span * double(total) / double(total - 1) : 0.0;
    if (streamSeconds > limits.maxVideoSeconds) {
        tooLong(streamSeconds);
        return;
    }
    if (doc.metadata.durationSeconds <= 0.0)
        doc.metadata.durationSeconds = streamSeconds;
    // The measured average rate, not the container's: for variable frame rates the container's figure is
    // often a guess from the first frames. For constant rates the two agree.
    double videoFps = streamSeconds > 0.0 ? double(total) / streamSeconds : info.averageFps;
    doc.metadata.frameRate = videoFps;
    doc.metadata.frameCount = total;

    const int count = sampledFrameCount(total, videoFps, options.video);
    const QList<qint64> indices = sampleFrameIndices(total, count);
    for (const qint64 index : indices) {
        const qint64 pts = timestamps.at(index);
        doc.frames.append(VideoFrame{index, reader.secondsFromPts(pts - firstPts), pts});
    }
    if (options.video.maxFrames > 0 && count == options.video.maxFrames
        && std::floor(double(total) / std::max(videoFps, 1e-9) * options.video.fps) > count) {
        doc.warnings.append(tr("The video is long: %1 frames spread evenly over it were sampled (the frame budget), "
                               "fewer than %2 per second.").arg(count).arg(options.video.fps));
    }

    // Decode the first sampled frame now, so a stream that cannot be decoded fails at import, not later.
    context.report(0.9, tr("Decoding a test frame"));
    const QImage first = reader.decodeFrame(doc.frames.first().pts, QSize(256, 256), &message);
    if (context.shouldStop())
        return;
    if (first.isNull()) {
        doc.fail(ImportErrorCode::Corrupt, tr("The video's frames could not be decoded; the file is damaged. %1")
                                               .arg(message));
        return;
    }
    doc.images = makeProvider(doc, options);
    context.report(1.0, tr("Video read"));
}

std::shared_ptr<const ImageProvider> VideoImporter::makeProvider(const ImportedDocument& doc, const ImportOptions&)
{
    return std::make_shared<VideoFrameProvider>(doc.sourcePath, doc.frames);
}

}  // namespace lectern::app
