// video_reader.cpp: FFmpeg plumbing for VideoReader. Only well-known demuxers and the file protocol are
// allowed (playlist demuxers such as HLS or concat could otherwise make a crafted file read other files),
// FFmpeg's own logging is silenced (errors come back as translated messages), and every blocking call is
// interruptible through AVIOInterruptCB.
#include "app/importers/video_reader.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>
}

#include <QTransform>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace lectern::app {

namespace {

// Demuxers for MP4/QuickTime, Matroska/WebM, AVI, MPEG-TS/PS, FLV, Ogg and ASF (WMV).
constexpr const char* kFormatWhitelist = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,mpegts,mpeg,flv,ogg,asf";
constexpr int kMaxFramesDecodedPerSeek = 1000;

void silenceFfmpeg()
{
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_callback([](void*, int, const char*, va_list) {}); });
}

struct FormatCloser {
    void operator()(AVFormatContext* context) const { avformat_close_input(&context); }
};
struct CodecFreer {
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
struct PacketFreer {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
struct FrameFreer {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
struct ScaleFreer {
    void operator()(SwsContext* context) const { sws_freeContext(context); }
};

QString ffmpegError(int error)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(error, buffer, sizeof buffer);
    return QString::fromUtf8(buffer);
}

int rotationOf(const AVStream* stream)
{
    double degrees = 0.0;
    size_t size = 0;
    const uint8_t* matrix = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (matrix != nullptr && size >= 9 * sizeof(int32_t)) {
        // av_display_rotation_get is counter-clockwise; the frame must be turned clockwise by its negation.
        const double angle = av_display_rotation_get(reinterpret_cast<const int32_t*>(matrix));
        if (!std::isnan(angle))
            degrees = -angle;
    } else if (const AVDictionaryEntry* tag = av_dict_get(stream->metadata, "rotate", nullptr, 0)) {
        degrees = QString::fromUtf8(tag->value).toDouble();  // old QuickTime/MP4 files: clockwise already
    }
    int quarter = int(std::lround(degrees / 90.0)) % 4;
    if (quarter < 0)
        quarter += 4;
    return quarter * 90;
}

}  // namespace

struct VideoReader::Private {
    std::unique_ptr<AVFormatContext, FormatCloser> format;
    std::unique_ptr<AVCodecContext, CodecFreer> codec;
    std::unique_ptr<AVPacket, PacketFreer> packet{av_packet_alloc()};
    std::unique_ptr<AVFrame, FrameFreer> frame{av_frame_alloc()};
    std::unique_ptr<SwsContext, ScaleFreer> scaler;
    int streamIndex = -1;
    VideoStreamInfo info;
    std::function<bool()> shouldStop;
    qint64 lastDecodedPts = AV_NOPTS_VALUE;  // decoder position, to avoid seeking for nearby later frames
    QImage lastImage;

    static int interruptCallback(void* opaque)
    {
        const auto* self = static_cast<const Private*>(opaque);
        return self->shouldStop && self->shouldStop() ? 1 : 0;
    }

    bool stopped() const { return shouldStop && shouldStop(); }

    QImage toImage(const AVFrame* source, QSize maxSize);
    // Decodes forward until a frame with timestamp ≥ target. Returns the image, or null at end of stream.
    QImage decodeUntil(qint64 target, QSize maxSize, QString* message);
};

VideoReader::VideoReader() : d(std::make_unique<Private>())
{
    silenceFfmpeg();
}

VideoReader::~VideoReader() = default;

void VideoReader::setInterrupt(std::function<bool()> shouldStop)
{
    d->shouldStop = std::move(shouldStop);
}

const VideoStreamInfo& VideoReader::info() const
{
    return d->info;
}

double VideoReader::secondsFromPts(qint64 ticks) const
{
    return double(ticks) * double(d->info.timeBaseNum) / double(d->info.timeBaseDen);
}

bool VideoReader::open(const QString& path, ImportErrorCode* code, QString* message)
{
    auto fail = [&](ImportErrorCode errorCode, const QString& text) {
        *code = errorCode;
        *message = text;
        return false;
    };
    if (!d->packet || !d->frame)
        return fail(ImportErrorCode::Unreadable, tr("Not enough memory to open the video."));

    AVFormatContext* raw = avformat_alloc_context();
    if (raw == nullptr)
        return fail(ImportErrorCode::Unreadable, tr("Not enough memory to open the video."));
    raw->interrupt_callback.callback = &Private::interruptCallback;
    raw->interrupt_callback.opaque = d.get();
    AVDictionary* options = nullptr;
    av_dict_set(&options, "format_whitelist", kFormatWhitelist, 0);
    av_dict_set(&options, "protocol_whitelist", "file", 0);
    const QByteArray localPath = path.toUtf8();
    // avformat_open_input frees the context on failure.
    const int opened = avformat_open_input(&raw, localPath.constData(), nullptr, &options);
    av_dict_free(&options);
    if (opened < 0) {
        if (d->stopped())
            return fail(ImportErrorCode::Cancelled, QString());
        return fail(ImportErrorCode::Corrupt,
                    tr("The video file is damaged, incomplete or in a container Lectern does not read (%1). "
                       "MP4, WebM, Matroska, QuickTime and AVI files are supported.").arg(ffmpegError(opened)));
    }
    d->format.reset(raw);
    AVFormatContext* format = d->format.get();
    const int probed = avformat_find_stream_info(format, nullptr);
    if (probed < 0) {
        if (d->stopped())
            return fail(ImportErrorCode::Cancelled, QString());
        return fail(ImportErrorCode::Corrupt, tr("The video's streams could not be read; the file is damaged (%1).")
                                                  .arg(ffmpegError(probed)));
    }

    // The best video stream that is a real video (not an embedded cover picture).
    int best = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (best >= 0 && (format->streams[best]->disposition & AV_DISPOSITION_ATTACHED_PIC))
        best = -1;
    for (unsigned i = 0; best < 0 && i < format->nb_streams; ++i) {
        const AVStream* stream = format->streams[i];
        if (stream->codecpar->codec_type == AVMEDIA_TYPE_VIDEO && !(stream->disposition & AV_DISPOSITION_ATTACHED_PIC))
            best = int(i);
    }
    if (best < 0)
        return fail(ImportErrorCode::NoContent,
                    tr("The file contains no video stream (it may be audio only). Lectern imports video files."));
    d->streamIndex = best;
    AVStream* stream = format->streams[best];
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        if (int(i) != best)
            format->streams[i]->discard = AVDISCARD_ALL;  // demux only what we decode
    }

    const AVCodecParameters* parameters = stream->codecpar;
    VideoStreamInfo& info = d->info;
    info.container = QString::fromUtf8(format->iformat->name);
    info.codec = QString::fromUtf8(avcodec_get_name(parameters->codec_id));
    info.codedSize = QSize(parameters->width, parameters->height);
    info.rotationDegrees = rotationOf(stream);
    info.timeBaseNum = stream->time_base.num;
    info.timeBaseDen = stream->time_base.den;
    if (info.timeBaseNum <= 0 || info.timeBaseDen <= 0)
        return fail(ImportErrorCode::Corrupt, tr("The video stream has an invalid time base; the file is damaged."));
    if (format->duration != AV_NOPTS_VALUE && format->duration > 0)
        info.durationSeconds = double(format->duration) / AV_TIME_BASE;
    else if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0)
        info.durationSeconds = secondsFromPts(stream->duration);
    if (stream->avg_frame_rate.num > 0 && stream->avg_frame_rate.den > 0)
        info.averageFps = av_q2d(stream->avg_frame_rate);

    int displayWidth = parameters->width;
    const AVRational sar = stream->sample_aspect_ratio.num > 0 ? stream->sample_aspect_ratio
                                                                : parameters->sample_aspect_ratio;
    if (sar.num > 0 && sar.den > 0 && sar.num != sar.den)
        displayWidth = int(std::lround(double(parameters->width) * sar.num / sar.den));
    info.displaySize = QSize(displayWidth, parameters->height);
    if (info.rotationDegrees == 90 || info.rotationDegrees == 270)
        info.displaySize.transpose();

    const AVCodec* decoder = avcodec_find_decoder(parameters->codec_id);
    if (decoder == nullptr)
        return fail(ImportErrorCode::UnsupportedCodec,
                    tr("The video uses the %1 codec, which this installation cannot decode. Convert it to H.264 "
                       "or VP9.").arg(info.codec));
    d->codec.reset(avcodec_alloc_context3(decoder));
    if (!d->codec || avcodec_parameters_to_context(d->codec.get(), parameters) < 0)
        return fail(ImportErrorCode::Unreadable, tr("Not enough memory to open the video decoder."));
    d->codec->thread_count = 2;
    d->codec->pkt_timebase = stream->time_base;
    const int codecOpened = avcodec_open2(d->codec.get(), decoder, nullptr);
    if (codecOpened < 0)
        return fail(ImportErrorCode::UnsupportedCodec, tr("The %1 video decoder could not be started (%2).")
                                                           .arg(info.codec, ffmpegError(codecOpened)));
    return true;
}

bool VideoReader::scanTimestamps(qint64 maxPackets, QList<qint64>* timestamps, ImportErrorCode* code,
                                 QString* message, const std::function<void(double)>& progress)
{
    AVFormatContext* format = d->format.get();
    AVPacket* packet = d->packet.get();
    timestamps->clear();
    const qint64 fileSize = format->pb ? avio_size(format->pb) : -1;
    qint64 synthesized = 0;
    bool missingTimestamps = false;
    for (;;) {
        const int read = av_read_frame(format, packet);
        if (read == AVERROR_EOF)
            break;
        if (read < 0) {
            if (d->stopped()) {
                *code = ImportErrorCode::Cancelled;
                return false;
            }
            if (read == AVERROR(EAGAIN))
                continue;
            break;  // a read error after some packets: keep what was read (a truncated file)
        }
        if (packet->stream_index == d->streamIndex && packet->size > 0) {
            qint64 ts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
            if (ts == AV_NOPTS_VALUE) {
                missingTimestamps = true;
                ts = synthesized;
            }
            ++synthesized;
            timestamps->append(ts);
            if (timestamps->size() > maxPackets) {
                av_packet_unref(packet);
                *code = ImportErrorCode::DurationTooLong;
                *message = tr("The video has more than %1 frames, more than Lectern reads from one file. "
                              "Cut it into shorter clips.").arg(maxPackets);
                return false;
            }
            if (progress && fileSize > 0 && (timestamps->size() % 256) == 0)
                progress(std::clamp(double(packet->pos) / double(fileSize), 0.0, 1.0));
        }
        av_packet_unref(packet);
        if (d->stopped()) {
            *code = ImportErrorCode::Cancelled;
            return false;
        }
    }
    if (missingTimestamps) {
        // No timestamps in the container: count frames at the average rate (or 25 fps when unknown).
        const double fps = d->info.averageFps > 0 ? d->info.averageFps : 25.0;
        const double ticksPerFrame = double(d->info.timeBaseDen) / (double(d->info.timeBaseNum) * fps);
        for (qsizetype i = 0; i < timestamps->size(); ++i)
            (*timestamps)[i] = qint64(std::llround(double(i) * ticksPerFrame));
    }
    std::sort(timestamps->begin(), timestamps->end());
    timestamps->erase(std::unique(timestamps->begin(), timestamps->end()), timestamps->end());
    d->lastDecodedPts = AV_NOPTS_VALUE;  // the demuxer is at the end now
    return true;
}

QImage VideoReader::Private::toImage(const AVFrame* source, QSize maxSize)
{
    const auto sourceFormat = static_cast<AVPixelFormat>(source->format);
    QSize size(source->width, source->height);
    if (source->sample_aspect_ratio.num > 0 && source->sample_aspect_ratio.den > 0
        && source->sample_aspect_ratio.num != source->sample_aspect_ratio.den)
        size.setWidth(std::max(1, int(std::lround(double(size.width()) * source->sample_aspect_ratio.num
                                                  / source->sample_aspect_ratio.den))));
    const bool transposed = info.rotationDegrees == 90 || info.rotationDegrees == 270;
    if (maxSize.isValid()) {
        const QSize bounds = transposed ? maxSize.transposed() : maxSize;
        if (size.width() > bounds.width() || size.height() > bounds.height())
            size = size.scaled(bounds, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
    }
    scaler.reset(sws_getCachedContext(scaler.release(), source->width, source->height, sourceFormat, size.width(),
                                      size.height(), AV_PIX_FMT_RGB24, SWS_BICUBIC, nullptr, nullptr, nullptr));
    if (!scaler)
        return QImage();
    QImage image(size, QImage::Format_RGB888);
    if (image.isNull())
        return QImage();
    uint8_t* planes[4] = {image.bits(), nullptr, nullptr, nullptr};
    int strides[4] = {int(image.bytesPerLine()), 0, 0, 0};
    if (sws_scale(scaler.get(), source->data, source->linesize, 0, source->height, planes, strides) <= 0)
        return QImage();
    if (info.rotationDegrees != 0)
        image = image.transformed(QTransform().rotate(info.rotationDegrees));
    return image;
}

QImage VideoReader::Private::decodeUntil(qint64 target, QSize maxSize, QString* message)
{
    AVCodecContext* decoder = codec.get();
    bool flushing = false;
    int framesDecoded = 0;
    // The last frame before the target: what a timestamp past the end of the stream gets.
    std::unique_ptr<AVFrame, FrameFreer> previous(av_frame_alloc());
    bool havePrevious = false;
    auto finishWithPrevious = [&]() {
        if (!havePrevious)
            return QImage();
        QImage image = toImage(previous.get(), maxSize);
        if (image.isNull())
            *message = VideoReader::tr("A video frame could not be converted to an image.");
        return image;
    };
    for (;;) {
        if (stopped()) {
            *message = VideoReader::tr("Decoding was stopped.");
            return QImage();
        }
        const int received = avcodec_receive_frame(decoder, frame.get());
        if (received == 0) {
            const qint64 pts = frame->best_effort_timestamp != AV_NOPTS_VALUE ? frame->best_effort_timestamp : frame->pts;
            lastDecodedPts = pts;
            ++framesDecoded;
            if (pts == AV_NOPTS_VALUE || pts >= target || framesDecoded >= kMaxFramesDecodedPerSeek) {
                QImage image = toImage(frame.get(), maxSize);
                av_frame_unref(frame.get());
                if (image.isNull())
                    *message = VideoReader::tr("A video frame could not be converted to an image.");
                return image;
            }
            if (previous) {
                av_frame_unref(previous.get());
                av_frame_move_ref(previous.get(), frame.get());
                havePrevious = true;
            } else {
                av_frame_unref(frame.get());
            }
            continue;
        }
        if (received == AVERROR_EOF)
            return finishWithPrevious();
        if (received != AVERROR(EAGAIN)) {
            *message = VideoReader::tr("The video stream is damaged and could not be decoded (%1).").arg(ffmpegError(received));
            return QImage();
        }
        if (flushing)
            return finishWithPrevious();
        const int read = av_read_frame(format.get(), packet.get());
        if (read < 0) {
            avcodec_send_packet(decoder, nullptr);  // drain the frames still inside the decoder
            flushing = true;
            continue;
        }
        if (packet->stream_index == streamIndex) {
            const int sent = avcodec_send_packet(decoder, packet.get());
            if (sent < 0 && sent != AVERROR(EAGAIN) && sent != AVERROR_INVALIDDATA) {
                av_packet_unref(packet.get());
                *message = VideoReader::tr("The video stream is damaged and could not be decoded (%1).").arg(ffmpegError(sent));
                return QImage();
            }
        }
        av_packet_unref(packet.get());
    }
}

QImage VideoReader::decodeFrame(qint64 pts, QSize maxSize, QString* message)
{
    if (!d->codec) {
        *message = tr("The video is not open.");
        return QImage();
    }
    // Decoding forward is cheaper than seeking when the wanted frame is a little ahead (sequential access).
    const qint64 nearTicks = qint64(2.0 * double(d->info.timeBaseDen) / double(d->info.timeBaseNum));
    const bool continueForward = d->lastDecodedPts != AV_NOPTS_VALUE && pts > d->lastDecodedPts
        && pts - d->lastDecodedPts <= nearTicks;
    if (!continueForward) {
        const int sought = av_seek_frame(d->format.get(), d->streamIndex, pts, AVSEEK_FLAG_BACKWARD);
        if (sought < 0) {
            // Some files cannot seek by timestamp: start over from the beginning.
            av_seek_frame(d->format.get(), d->streamIndex, 0, AVSEEK_FLAG_BACKWARD | AVSEEK_FLAG_ANY);
        }
        avcodec_flush_buffers(d->codec.get());
        d->lastDecodedPts = AV_NOPTS_VALUE;
    }
    QImage image = d->decodeUntil(pts, maxSize, message);
    if (image.isNull() && message->isEmpty())
        *message = tr("The frame at %1 s could not be decoded; the video may be truncated.")
                       .arg(secondsFromPts(pts), 0, 'f', 2);
    return image;
}

}  // namespace lectern::app
