// model_discovery.cpp: scans Ollama manifests and HuggingFace cache snapshots for Qwen3.5 models.
#include "app/settings/model_discovery.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <algorithm>

namespace lectern::app {

namespace {

constexpr quint32 kGgufString = 8;
constexpr quint32 kGgufArray = 9;
constexpr int kMaxHeaderEntries = 64;       // general.architecture is the first key in practice
constexpr quint64 kMaxStringBytes = 1 << 20;

// Bytes of one GGUF scalar of the given type, 0 for strings, arrays and unknown types.
int scalarSize(quint32 type)
{
    switch (type) {
    case 0: case 1: case 7: return 1;   // u8, i8, bool
    case 2: case 3: return 2;           // u16, i16
    case 4: case 5: case 6: return 4;   // u32, i32, f32
    case 10: case 11: case 12: return 8;  // u64, i64, f64
    default: return 0;
    }
}

template <typename T>
bool readLittle(QFile& file, T* value)
{
    char bytes[sizeof(T)];
    if (file.read(bytes, sizeof(T)) != qint64(sizeof(T)))
        return false;
    *value = qFromLittleEndian<T>(bytes);
    return true;
}

bool readString(QFile& file, QByteArray* text)
{
    quint64 length = 0;
    if (!readLittle(file, &length) || length > kMaxStringBytes)
        return false;
    *text = file.read(qint64(length));
    return quint64(text->size()) == length;
}

bool skipValue(QFile& file, quint32 type)
{
    if (type == kGgufString) {
        QByteArray ignored;
        return readString(file, &ignored);
    }
    if (type == kGgufArray) {
        quint32 elementType = 0;
        quint64 count = 0;
        if (!readLittle(file, &elementType) || !readLittle(file, &count))
            return false;
        if (const int size = scalarSize(elementType))
            return file.seek(file.pos() + qint64(count) * size);
        for (quint64 i = 0; i < count; ++i)
            if (!skipValue(file, elementType))
                return false;
        return true;
    }
    const int size = scalarSize(type);
    return size > 0 && file.seek(file.pos() + size);
}

QJsonObject readJsonObject(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > (16 << 20))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// registry.ollama.ai/library/qwen3.5/0.8b -> "qwen3.5:0.8b"; other registries and namespaces keep their path.
QString ollamaName(const QString& manifestsRoot, const QString& manifestPath)
{
    QStringList parts = QDir(manifestsRoot).relativeFilePath(manifestPath).split(QLatin1Char('/'));
    if (parts.size() < 2)
        return parts.join(QLatin1Char('/'));
    const QString tag = parts.takeLast();
    if (parts.size() >= 3 && parts.at(0) == QLatin1String("registry.ollama.ai") && parts.at(1) == QLatin1String("library"))
        parts = parts.mid(2);
    else if (!parts.isEmpty() && parts.at(0) == QLatin1String("registry.ollama.ai"))
        parts.removeFirst();
    return parts.join(QLatin1Char('/')) + QLatin1Char(':') + tag;
}

void discoverOllama(const QString& root, QList<DiscoveredModel>* found)
{
    const QString manifests = root + QStringLiteral("/manifests");
    QDirIterator it(manifests, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString manifestPath = it.next();
        const QJsonArray layers = readJsonObject(manifestPath).value(QStringLiteral("layers")).toArray();
        for (const QJsonValue& layer : layers) {
            const QJsonObject object = layer.toObject();
            if (object.value(QStringLiteral("mediaType")).toString() != QLatin1String("application/vnd.ollama.image.model"))
                continue;
            // "sha256:abc..." is stored as blobs/sha256-abc...
            const QString digest = object.value(QStringLiteral("digest")).toString().replace(QLatin1Char(':'), QLatin1Char('-'));
            const QString blob = root + QStringLiteral("/blobs/") + digest;
            if (digest.isEmpty() || !ModelDiscovery::isQwen35Architecture(ModelDiscovery::ggufArchitecture(blob)))
                continue;
            found->append({ollamaName(manifests, manifestPath), blob, QStringLiteral("ollama"), QStringLiteral("gguf"),
                           QFileInfo(blob).size()});
        }
    }
}

void discoverHuggingFace(const QString& hub, QList<DiscoveredModel>* found)
{
    const QDir hubDir(hub);
    for (const QString& repo : hubDir.entryList({QStringLiteral("models--*")}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        // models--Qwen--Qwen3.5-0.8B -> Qwen/Qwen3.5-0.8B
        const QString repoName = repo.mid(8).replace(QStringLiteral("--"), QStringLiteral("/"));
        const QDir snapshots(hubDir.filePath(repo + QStringLiteral("/snapshots")));
        for (const QString& revision : snapshots.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QDir snapshot(snapshots.filePath(revision));
            const QString config = snapshot.filePath(QStringLiteral("config.json"));
            if (QFileInfo::exists(config)) {
                const QString modelType = readJsonObject(config).value(QStringLiteral("model_type")).toString();
                if (ModelDiscovery::isQwen35Architecture(modelType)) {
                    qint64 size = 0;
                    for (const QFileInfo& file : snapshot.entryInfoList({QStringLiteral("*.safetensors")}, QDir::Files))
                        size += file.size();  // follows the snapshot's symlinks into blobs/
                    found->append({repoName, snapshot.absolutePath(), QStringLiteral("huggingface"),
                                   QStringLiteral("safetensors"), size});
                }
            }
            for (const QFileInfo& gguf : snapshot.entryInfoList({QStringLiteral("*.gguf")}, QDir::Files)) {
                if (!ModelDiscovery::isQwen35Architecture(ModelDiscovery::ggufArchitecture(gguf.filePath())))
                    continue;
                found->append({repoName + QLatin1Char('/') + gguf.fileName(), gguf.absoluteFilePath(),
                               QStringLiteral("huggingface"), QStringLiteral("gguf"), gguf.size()});
            }
        }
    }
}

}  // namespace

ModelDiscovery::Roots ModelDiscovery::defaultRoots()
{
    Roots roots;
    const QString home = QDir::homePath();
    const QString ollama = qEnvironmentVariable("OLLAMA_MODELS");
    roots.ollamaModels = ollama.isEmpty() ? home + QStringLiteral("/.ollama/models") : ollama;
    const QString hubCache = qEnvironmentVariable("HF_HUB_CACHE");
    const QString hfHome = qEnvironmentVariable("HF_HOME");
    if (!hubCache.isEmpty())
        roots.huggingFaceHub = hubCache;
    else if (!hfHome.isEmpty())
        roots.huggingFaceHub = hfHome + QStringLiteral("/hub");
    else
        roots.huggingFaceHub = home + QStringLiteral("/.cache/huggingface/hub");
    return roots;
}

QList<DiscoveredModel> ModelDiscovery::discover(const Roots& roots)
{
    QList<DiscoveredModel> found;
    if (!roots.ollamaModels.isEmpty())
        discoverOllama(roots.ollamaModels, &found);
    if (!roots.huggingFaceHub.isEmpty())
        discoverHuggingFace(roots.huggingFaceHub, &found);
    std::sort(found.begin(), found.end(), [](const DiscoveredModel& a, const DiscoveredModel& b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    return found;
}

QString ModelDiscovery::ggufArchitecture(const QString& path, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return QString();
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    quint32 version = 0;
    quint64 tensorCount = 0;
    quint64 entryCount = 0;
    if (file.read(4) != QByteArrayLiteral("GGUF"))
        return fail(QStringLiteral("%1 is not a GGUF file (no GGUF magic)").arg(path));
    if (!readLittle(file, &version) || version < 2 || version > 3 || !readLittle(file, &tensorCount)
        || !readLittle(file, &entryCount))
        return fail(QStringLiteral("%1 has an unsupported or truncated GGUF header").arg(path));
    const quint64 entries = std::min<quint64>(entryCount, kMaxHeaderEntries);
    for (quint64 i = 0; i < entries; ++i) {
        QByteArray key;
        quint32 type = 0;
        if (!readString(file, &key) || !readLittle(file, &type))
            break;
        if (key == "general.architecture" && type == kGgufString) {
            QByteArray value;
            if (!readString(file, &value))
                break;
            return QString::fromUtf8(value);
        }
        if (!skipValue(file, type))
            break;
    }
    return fail(QStringLiteral("%1 has no general.architecture in its GGUF header").arg(path));
}

bool ModelDiscovery::isQwen35Architecture(const QString& architecture)
{
    // GGUF: "qwen35" (and the MoE variant "qwen35moe"); config.json: "qwen3_5", "qwen3_5_text", "qwen3_5_moe".
    return architecture.startsWith(QLatin1String("qwen35")) || architecture.startsWith(QLatin1String("qwen3_5"));
}

}  // namespace lectern::app
