// video_reader.h: one open video file through libavformat/libavcodec/libswscale: stream facts, the
// presentation timestamps of every frame, and seek-and-decode of one frame to a QImage. Not thread-safe.
#pragma once

#include "app/importers/imported_document.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace lectern::app {

struct VideoStreamInfo {
    QString container;         // demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
    QString codec;             // decoder name, e.g. "h264"
    QSize codedSize;           // as stored
    QSize displaySize;         // after sample aspect ratio and rotation
    int rotationDegrees = 0;   // clockwise, one of 0, 90, 180, 270
    double durationSeconds = 0.0;  // from the container; 0 when unknown
    double averageFps = 0.0;   // from the container; 0 when unknown
    qint64 timeBaseNum = 1;
    qint64 timeBaseDen = 1;
};

class VideoReader {
    Q_DECLARE_TR_FUNCTIONS(VideoReader)

public:
    VideoReader();
    ~VideoReader();
    VideoReader(const VideoReader&) = delete;
    VideoReader& operator=(const VideoReader&) = delete;

    // Asked during blocking I/O and between packets; returning true aborts the current call.
    void setInterrupt(std::function<bool()> shouldStop);

    // Opens the file, probes the streams and opens a decoder for the best video stream.
    bool open(const QString& path, ImportErrorCode* code, QString* message);
    const VideoStreamInfo& info() const;

    // Presentation timestamps (stream time base) of every packet of the video stream, sorted.
    // Stops with an error after maxPackets packets or when interrupted.
    bool scanTimestamps(qint64 maxPackets, QList<qint64>* timestamps, ImportErrorCode* code, QString* message,
                        const std::function<void(double)>& progress = {});

    // The first frame whose timestamp is ≥ pts: seeks to the key frame before it and decodes forward.
    // Rotation applied; scaled down (aspect kept) to fit maxSize when maxSize is valid.
    QImage decodeFrame(qint64 pts, QSize maxSize, QString* message);

    double secondsFromPts(qint64 ticks) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace lectern::app
