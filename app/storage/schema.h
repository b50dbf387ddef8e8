// schema.h: Lectern's database schema as an ordered list of migration steps v0 -> v1 -> v2 ...
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace lectern::storage {

// One migration step: the statements that take a database from version `toVersion - 1` to `toVersion`.
// Steps run in one transaction each, and PRAGMA user_version is set to `toVersion` inside it, so a
// kill half-way through a step leaves the previous version intact.
struct MigrationStep {
    int toVersion = 0;
    QString summary;
    QStringList statements;
};

// The newest schema this build understands (PRAGMA user_version). Bump it only by appending a step.
constexpr int kSchemaVersion = 3;

// All steps in order; step i has toVersion == i + 1.
const QList<MigrationStep>& migrationSteps();

}  // namespace lectern::storage
