// row_downscaler.cpp: area-average (box filter) reduction of streamed rows; see row_downscaler.h.
#include "app/importers/row_downscaler.h"

#include <algorithm>
#include <cstring>

namespace lectern::app {

RowDownscaler::RowDownscaler(QSize source, QSize target)
    : m_source(source),
      m_target(target.boundedTo(source).expandedTo(QSize(1, 1))),
      m_columnBin(size_t(std::max(source.width(), 0))),
      m_columnWeight(size_t(m_target.width()), 0),
      m_sums(size_t(m_target.width()) * 4, 0),
      m_written(size_t(m_target.height()), false),
      m_result(m_target, QImage::Format_RGBA8888)
{
    for (int x = 0; x < source.width(); ++x) {
        const int bin = int(qint64(x) * m_target.width() / source.width());
        m_columnBin[size_t(x)] = bin;
        ++m_columnWeight[size_t(bin)];
    }
}

void RowDownscaler::addRow(int y, const uchar* rgba)
{
    if (y < 0 || y >= m_source.height() || m_result.isNull())
        return;
    const int bin = int(qint64(y) * m_target.height() / m_source.height());
    if (bin != m_openRow) {
        flush();
        m_openRow = bin;
    }
    const int width = m_source.width();
    for (int x = 0; x < width; ++x) {
        quint64* sum = &m_sums[size_t(m_columnBin[size_t(x)]) * 4];
        const uchar* pixel = rgba + size_t(x) * 4;
        sum[0] += pixel[0];
        sum[1] += pixel[1];
        sum[2] += pixel[2];
        sum[3] += pixel[3];
    }
    ++m_rowsInBin;
}

void RowDownscaler::flush()
{
    if (m_openRow < 0 || m_rowsInBin == 0)
        return;
    uchar* out = m_result.scanLine(m_openRow);
    for (int x = 0; x < m_target.width(); ++x) {
        const quint64 weight = quint64(m_columnWeight[size_t(x)]) * m_rowsInBin;
        for (int c = 0; c < 4; ++c) {
            quint64& sum = m_sums[size_t(x) * 4 + size_t(c)];
            out[x * 4 + c] = uchar((sum + weight / 2) / weight);
            sum = 0;
        }
    }
    m_written[size_t(m_openRow)] = true;
    m_rowsInBin = 0;
    m_openRow = -1;
}

QImage RowDownscaler::finish()
{
    flush();
    const int height = m_target.height();
    const auto first = std::find(m_written.begin(), m_written.end(), true);
    if (first == m_written.end())
        return QImage();
    // Rows that received no source row copy the nearest written row above (or the first written one).
    int previous = int(first - m_written.begin());
    const qsizetype rowBytes = m_result.bytesPerLine();
    for (int y = 0; y < height; ++y) {
        if (m_written[size_t(y)])
            previous = y;
        else
            std::memcpy(m_result.scanLine(y), m_result.constScanLine(previous), size_t(rowBytes));
    }
    return std::move(m_result);
}

}  // namespace lectern::app
