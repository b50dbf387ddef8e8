// row_downscaler.h: box-filters an image to a smaller size while its rows stream in, so a huge image is never held
// whole: memory is one accumulator row plus the reduced result.
#pragma once

#include <QImage>
#include <QSize>

#include <vector>

namespace lectern::app {

class RowDownscaler {
public:
    // target must be no larger than source in either dimension (and at least 1 x 1).
    RowDownscaler(QSize source, QSize target);

    // One source row as RGBA8888 (source.width() * 4 bytes). Rows come in increasing or in decreasing order (BMP
    // stores bottom-up) and may skip rows (interlaced formats deliver only their last pass): every target row
    // averages the rows it received, and a target row that received none copies its nearest neighbour.
    void addRow(int y, const uchar* rgba);

    // The reduced image (Format_RGBA8888). Null if no row was added.
    QImage finish();

private:
    void flush();

    QSize m_source;
    QSize m_target;
    std::vector<int> m_columnBin;          // [source width] target column of each source column
    std::vector<quint32> m_columnWeight;   // [target width] source columns per target column
    std::vector<quint64> m_sums;           // [target width * 4] channel sums of the open target row
    quint32 m_rowsInBin = 0;
    int m_openRow = -1;                    // target row being accumulated, -1 when none
    std::vector<bool> m_written;           // [target height]
    QImage m_result;
};

}  // namespace lectern::app
