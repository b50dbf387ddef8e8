// about_info.h: what the About dialog shows (QML singleton AboutInfo): name, version, the compute devices the
// engine sees, and the licences of the parts Lectern is built from.
#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace lectern::ui {

class AboutInfo : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString productName READ productName CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
    // [{name, version, licence}] for Qt, Poppler, FFmpeg, SQLite, the Vulkan loader, ... and Mesa once a Mesa
    // driver is seen.
    Q_PROPERTY(QVariantList components READ components NOTIFY devicesChanged)
    // One line per Vulkan device ("llvmpipe (LLVM 15.0.6, 256 bits) — CPU, Mesa 22.3.6 — in use"), or why none.
    Q_PROPERTY(QStringList devices READ devices NOTIFY devicesChanged)
    Q_PROPERTY(QString devicesText READ devicesText NOTIFY devicesChanged)  // the same, one per line
    Q_PROPERTY(bool scanningDevices READ scanningDevices NOTIFY devicesChanged)

public:
    explicit AboutInfo(QObject* parent = nullptr);

    QString productName() const;
    QString version() const;
    QVariantList components() const;
    QStringList devices() const { return m_devices; }
    QString devicesText() const { return m_devices.join(QLatin1Char('\n')); }
    bool scanningDevices() const { return m_scanning; }

    // Asks the engine for its devices on a worker thread (the loader can take a while); devicesChanged follows.
    Q_INVOKABLE void refreshDevices();
    // Everything above as plain text, for "Copy" and for tests.
    Q_INVOKABLE QString text() const;

signals:
    void devicesChanged();

private:
    void setDevices(const QStringList& devices, bool mesa);

    QStringList m_devices;
    bool m_mesa = false;
    QString m_mesaVersion;
    bool m_scanning = false;
};

}  // namespace lectern::ui
