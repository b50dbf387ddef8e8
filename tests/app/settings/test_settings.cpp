// test_settings.cpp: Settings stores every choice, reads it back in a new instance, and rejects bad values.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "app/settings/settings.h"

using lectern::app::Settings;

class TestSettings : public QObject {
    Q_OBJECT

private slots:
    void defaultsWhenEmpty()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("lectern.ini")));
        QCOMPARE(settings.modelPath(), QString());
        QVERIFY(!settings.hasModel());
        QCOMPARE(settings.device(), QStringLiteral("auto"));
        QCOMPARE(settings.contextLength(), 0);
        QCOMPARE(settings.kvCachePrecision(), QStringLiteral("f16"));
        QCOMPARE(settings.theme(), QStringLiteral("system"));
        QCOMPARE(settings.language(), QString());
        QVERIFY(!settings.serverEnabled());
        QCOMPARE(settings.serverPort(), 8080);
        QCOMPARE(settings.serverApiKey(), QString());
        QVERIFY(settings.samplingOverrides().isEmpty());
        QCOMPARE(settings.downloadUrl(), Settings::defaultDownloadUrl());
        QVERIFY(settings.downloadUrl().startsWith(QStringLiteral("https://")));
    }

    void roundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lectern.ini"));
        {
            Settings settings(path);
            QSignalSpy modelChanged(&settings, &Settings::modelPathChanged);
            settings.setModelPath(QStringLiteral("/models/qwen3.5-0.8b.gguf"));
            settings.setModelPath(QStringLiteral("/models/qwen3.5-0.8b.gguf"));  // same value: no second signal
            QCOMPARE(modelChanged.size(), 1);
            settings.setDevice(QStringLiteral("cpu"));
            settings.setContextLength(32768);
            settings.setKvCachePrecision(QStringLiteral("q8_0"));
            settings.setTheme(QStringLiteral("dark"));
            settings.setLanguage(QStringLiteral("zh_CN"));
            settings.setServerEnabled(true);
            QSignalSpy portChanged(&settings, &Settings::serverPortChanged);
            settings.setServerPort(9123);
            settings.setServerPort(9123);
            QCOMPARE(portChanged.size(), 1);
            settings.setServerApiKey(QStringLiteral(" sk-local-123 "));
            settings.setSamplingOverrides({{QStringLiteral("temperature"), 0.3}, {QStringLiteral("topK"), 40},
                                           {QStringLiteral("seed"), 0}, {QStringLiteral("maxTokens"), 2048}});
            settings.setDownloadUrl(QStringLiteral("http://127.0.0.1:8080/model.gguf"));
            settings.setDownloadSha256(QStringLiteral("  ") + QString(64, QLatin1Char('A')));
        }
        Settings again(path);
        QCOMPARE(again.modelPath(), QStringLiteral("/models/qwen3.5-0.8b.gguf"));
        QVERIFY(again.hasModel());
        QCOMPARE(again.device(), QStringLiteral("cpu"));
        QCOMPARE(again.contextLength(), 32768);
        QCOMPARE(again.kvCachePrecision(), QStringLiteral("q8_0"));
        QCOMPARE(again.theme(), QStringLiteral("dark"));
        QCOMPARE(again.language(), QStringLiteral("zh_CN"));
        QVERIFY(again.serverEnabled());
        QCOMPARE(again.serverPort(), 9123);
        QCOMPARE(again.serverApiKey(), QStringLiteral("sk-local-123"));
        const QVariantMap sampling = again.samplingOverrides();
        QCOMPARE(sampling.size(), 4);
        QCOMPARE(sampling.value(QStringLiteral("temperature")).toDouble(), 0.3);
        QCOMPARE(sampling.value(QStringLiteral("topK")).toInt(), 40);
        QCOMPARE(sampling.value(QStringLiteral("seed")).toLongLong(), 0);  // seed 0 is a valid fixed seed
        QCOMPARE(sampling.value(QStringLiteral("maxTokens")).toInt(), 2048);
        QVERIFY(!sampling.contains(QStringLiteral("topP")));
        QCOMPARE(again.downloadUrl(), QStringLiteral("http://127.0.0.1:8080/model.gguf"));
        QCOMPARE(again.downloadSha256(), QString(64, QLatin1Char('a')));

        again.setSamplingOverride(QStringLiteral("topK"), QVariant());  // unset one
        QVERIFY(!again.samplingOverrides().contains(QStringLiteral("topK")));
        again.clearSamplingOverrides();
        QVERIFY(again.samplingOverrides().isEmpty());
    }

    void rejectsBadValues()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("lectern.ini")));
        QSignalSpy deviceChanged(&settings, &Settings::deviceChanged);
        settings.setDevice(QStringLiteral("tpu"));
        QCOMPARE(settings.device(), QStringLiteral("auto"));
        QCOMPARE(deviceChanged.size(), 0);
        settings.setKvCachePrecision(QStringLiteral("q4_0"));
        QCOMPARE(settings.kvCachePrecision(), QStringLiteral("f16"));
        settings.setTheme(QStringLiteral("purple"));
        QCOMPARE(settings.theme(), QStringLiteral("system"));
        settings.setLanguage(QStringLiteral("../../etc"));
        QCOMPARE(settings.language(), QString());
        settings.setContextLength(10);
        QCOMPARE(settings.contextLength(), Settings::minContextLength());
        settings.setContextLength(10'000'000);
        QCOMPARE(settings.contextLength(), 262144);
        settings.setContextLength(-5);
        QCOMPARE(settings.contextLength(), 0);
        settings.setSamplingOverrides({{QStringLiteral("temperature"), -1.0}, {QStringLiteral("topP"), 1.5},
                                       {QStringLiteral("topK"), QStringLiteral("many")},
                                       {QStringLiteral("bogus"), 3}, {QStringLiteral("maxTokens"), 0}});
        QVERIFY2(settings.samplingOverrides().isEmpty(), qPrintable(QVariant(settings.samplingOverrides()).toString()));
        settings.setDownloadUrl(QStringLiteral("not a url"));
        QCOMPARE(settings.downloadUrl(), Settings::defaultDownloadUrl());
        settings.setDownloadSha256(QStringLiteral("xyz"));
        QCOMPARE(settings.downloadSha256(), QString());
        QSignalSpy serverChanged(&settings, &Settings::serverPortChanged);
        settings.setServerPort(0);
        settings.setServerPort(65536);
        settings.setServerPort(-80);
        QCOMPARE(settings.serverPort(), 8080);
        QCOMPARE(serverChanged.size(), 0);
        settings.setServerApiKey(QStringLiteral("two words"));  // not sendable as one header token
        settings.setServerApiKey(QStringLiteral("line\nbreak"));
        settings.setServerApiKey(QStringLiteral("schl\u00fcssel"));
        QCOMPARE(settings.serverApiKey(), QString());
    }

    void handEditedFileFallsBackToDefaults()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lectern.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[model]\ndevice=gpu9000\ncontextLength=lots\nkvCachePrecision=f8\n"
                   "[appearance]\ntheme=neon\n[sampling]\ntemperature=hot\ntopP=0.8\n[server]\nport=99999\n");
        file.close();
        Settings settings(path);
        QCOMPARE(settings.device(), QStringLiteral("auto"));
        QCOMPARE(settings.contextLength(), 0);
        QCOMPARE(settings.kvCachePrecision(), QStringLiteral("f16"));
        QCOMPARE(settings.theme(), QStringLiteral("system"));
        QCOMPARE(settings.serverPort(), 8080);
        QCOMPARE(settings.samplingOverrides(), QVariantMap({{QStringLiteral("topP"), 0.8}}));
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "test_settings.moc"
