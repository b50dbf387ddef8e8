// test_model_discovery.cpp: ModelDiscovery on a fake Ollama store and HuggingFace cache built in a temporary folder.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include "app/settings/model_discovery.h"

using lectern::app::DiscoveredModel;
using lectern::app::ModelDiscovery;

namespace {

void appendU32(QByteArray* out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out->append(bytes, 4);
}

void appendU64(QByteArray* out, quint64 value)
{
    char bytes[8];
    qToLittleEndian(value, bytes);
    out->append(bytes, 8);
}

void appendString(QByteArray* out, const QByteArray& text)
{
    appendU64(out, quint64(text.size()));
    out->append(text);
}

// A GGUF v3 header whose first keys are a string array and a u32 (to be skipped), then general.architecture.
QByteArray ggufHeader(const QByteArray& architecture)
{
    QByteArray out("GGUF");
    appendU32(&out, 3);
    appendU64(&out, 0);  // tensors
    appendU64(&out, 3);  // key/value pairs
    appendString(&out, "tokenizer.ggml.tokens");
    appendU32(&out, 9);  // array
    appendU32(&out, 8);  // of strings
    appendU64(&out, 2);
    appendString(&out, "hello");
    appendString(&out, "world");
    appendString(&out, "general.alignment");
    appendU32(&out, 4);  // u32
    appendU32(&out, 32);
    appendString(&out, "general.architecture");
    appendU32(&out, 8);
    appendString(&out, architecture);
    return out;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(bytes);
}

QByteArray ollamaManifest(const QString& digest)
{
    return QStringLiteral(R"({"schemaVersion":2,"layers":[)"
                          R"({"mediaType":"application/vnd.ollama.image.template","digest":"sha256:0000"},)"
                          R"({"mediaType":"application/vnd.ollama.image.model","digest":"sha256:%1","size":10}]})")
        .arg(digest)
        .toUtf8();
}

}  // namespace

class TestModelDiscovery : public QObject {
    Q_OBJECT

private slots:
    void findsQwen35InOllamaAndHuggingFace()
    {
        QTemporaryDir dir;
        const QString ollama = dir.filePath(QStringLiteral("ollama/models"));
        const QString hub = dir.filePath(QStringLiteral("hf/hub"));
        // Ollama: one Qwen3.5 model, one Llama model, one manifest whose blob is missing.
        writeFile(ollama + QStringLiteral("/manifests/registry.ollama.ai/library/qwen3.5/0.8b"), ollamaManifest(QStringLiteral("aaa")));
        writeFile(ollama + QStringLiteral("/blobs/sha256-aaa"), ggufHeader("qwen35"));
        writeFile(ollama + QStringLiteral("/manifests/registry.ollama.ai/library/llama3/8b"), ollamaManifest(QStringLiteral("bbb")));
        writeFile(ollama + QStringLiteral("/blobs/sha256-bbb"), ggufHeader("llama"));
        writeFile(ollama + QStringLiteral("/manifests/registry.ollama.ai/library/qwen3.5/gone"), ollamaManifest(QStringLiteral("ccc")));
        // HuggingFace: a safetensors Qwen3.5 snapshot, a GGUF repo snapshot, another model type, a broken config.
        const QString qwen = hub + QStringLiteral("/models--Qwen--Qwen3.5-0.8B/snapshots/abc123");
        writeFile(qwen + QStringLiteral("/config.json"), R"({"model_type": "qwen3_5", "architectures": ["Qwen3_5ForConditionalGeneration"]})");
        writeFile(qwen + QStringLiteral("/model.safetensors"), QByteArray(100, 'x'));
        writeFile(hub + QStringLiteral("/models--someone--Qwen3.5-0.8B-GGUF/snapshots/def/Qwen3.5-0.8B-Q8_0.gguf"), ggufHeader("qwen35"));
        writeFile(hub + QStringLiteral("/models--someone--Qwen3.5-0.8B-GGUF/snapshots/def/notes.gguf"), "not a gguf");
        writeFile(hub + QStringLiteral("/models--meta--Llama/snapshots/x/config.json"), R"({"model_type": "llama"})");
        writeFile(hub + QStringLiteral("/models--broken--Thing/snapshots/x/config.json"), "{ not json");

        const QList<DiscoveredModel> found = ModelDiscovery::discover({ollama, hub});
        QStringList names;
        for (const DiscoveredModel& model : found)
            names << model.name;
        // Sorted by name, ignoring case ('/' sorts before '3').
        QCOMPARE(names, QStringList({QStringLiteral("Qwen/Qwen3.5-0.8B"), QStringLiteral("qwen3.5:0.8b"),
                                     QStringLiteral("someone/Qwen3.5-0.8B-GGUF/Qwen3.5-0.8B-Q8_0.gguf")}));
        QCOMPARE(found.at(1).source, QStringLiteral("ollama"));
        QCOMPARE(found.at(1).format, QStringLiteral("gguf"));
        QCOMPARE(found.at(1).path, ollama + QStringLiteral("/blobs/sha256-aaa"));
        QCOMPARE(found.at(0).source, QStringLiteral("huggingface"));
        QCOMPARE(found.at(0).format, QStringLiteral("safetensors"));
        QCOMPARE(found.at(0).path, QDir(qwen).absolutePath());
        QCOMPARE(found.at(0).sizeBytes, 100);
        QCOMPARE(found.at(2).format, QStringLiteral("gguf"));
    }

    void missingRootsFindNothing()
    {
        QTemporaryDir dir;
        QVERIFY(ModelDiscovery::discover({dir.filePath(QStringLiteral("none")), dir.filePath(QStringLiteral("nohub"))}).isEmpty());
    }

    void defaultRootsFollowEnvironment()
    {
        qputenv("OLLAMA_MODELS", "/srv/ollama");
        qputenv("HF_HUB_CACHE", "");
        qputenv("HF_HOME", "/srv/hf");
        ModelDiscovery::Roots roots = ModelDiscovery::defaultRoots();
        QCOMPARE(roots.ollamaModels, QStringLiteral("/srv/ollama"));
        QCOMPARE(roots.huggingFaceHub, QStringLiteral("/srv/hf/hub"));
        qunsetenv("OLLAMA_MODELS");
        qunsetenv("HF_HOME");
        qunsetenv("HF_HUB_CACHE");
        roots = ModelDiscovery::defaultRoots();
        QCOMPARE(roots.ollamaModels, QDir::homePath() + QStringLiteral("/.ollama/models"));
        QCOMPARE(roots.huggingFaceHub, QDir::homePath() + QStringLiteral("/.cache/huggingface/hub"));
    }

    void ggufHeaderErrors()
    {
        QTemporaryDir dir;
        QString error;
        const QString notGguf = dir.filePath(QStringLiteral("a.gguf"));
        writeFile(notGguf, "PK\x03\x04 zip");
        QCOMPARE(ModelDiscovery::ggufArchitecture(notGguf, &error), QString());
        QVERIFY2(error.contains(QStringLiteral("not a GGUF file")), qPrintable(error));
        const QString truncated = dir.filePath(QStringLiteral("b.gguf"));
        writeFile(truncated, ggufHeader("qwen35").left(40));
        QCOMPARE(ModelDiscovery::ggufArchitecture(truncated, &error), QString());
        QVERIFY2(error.contains(QStringLiteral("no general.architecture")), qPrintable(error));
        QCOMPARE(ModelDiscovery::ggufArchitecture(dir.filePath(QStringLiteral("missing.gguf")), &error), QString());
        QVERIFY2(error.contains(QStringLiteral("cannot open")), qPrintable(error));
        const QString good = dir.filePath(QStringLiteral("c.gguf"));
        writeFile(good, ggufHeader("qwen35"));
        QCOMPARE(ModelDiscovery::ggufArchitecture(good, &error), QStringLiteral("qwen35"));
    }

    void architectureNames()
    {
        QVERIFY(ModelDiscovery::isQwen35Architecture(QStringLiteral("qwen35")));
        QVERIFY(ModelDiscovery::isQwen35Architecture(QStringLiteral("qwen3_5_text")));
        QVERIFY(!ModelDiscovery::isQwen35Architecture(QStringLiteral("qwen3")));
        QVERIFY(!ModelDiscovery::isQwen35Architecture(QStringLiteral("qwen2_5_vl")));
        QVERIFY(!ModelDiscovery::isQwen35Architecture(QString()));
    }
};

QTEST_GUILESS_MAIN(TestModelDiscovery)
#include "test_model_discovery.moc"
