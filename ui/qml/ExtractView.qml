// ExtractView.qml: structured extraction: a schema (built-in template or the user's JSON, checked while typing), files
// dropped or added, the batch queue with Start / Pause / Cancel, the results table and CSV / JSON export.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Lectern

Pane {
    id: view
    objectName: "extractView"

    // The built-in templates, then an entry for the user's own schema.
    function templateEntries() {
        const entries = [];
        const templates = ExtractionController.templates;
        for (let i = 0; i < templates.length; ++i)
            entries.push(templates[i]);
        entries.push({ name: "", title: qsTr("Custom schema"), description: "" });
        return entries;
    }

    function startBatch() {
        if (!ExtractionController.modelReady && !ExtractionController.modelLoading && AppSettings.hasModel)
            ExtractionController.loadModel(AppSettings.modelPath, AppSettings.device, AppSettings.contextLength);
        ExtractionController.start();
    }

    padding: 12

    FileDropArea {
        anchors.fill: parent
        onFilesDropped: (urls) => ExtractionController.addFiles(urls)
    }

    FileDialog {
        id: addDialog
        objectName: "extractAddDialog"
        title: qsTr("Add files to extract from")
        fileMode: FileDialog.OpenFiles
        nameFilters: [qsTr("Documents (*.pdf *.txt *.md *.csv *.json *.html)"), qsTr("All files (*)")]
        onAccepted: ExtractionController.addFiles(selectedFiles)
    }

    FileDialog {
        id: exportDialog
        objectName: "extractExportDialog"
        property bool csv: true
        title: csv ? qsTr("Export records as CSV") : qsTr("Export records as JSON")
        fileMode: FileDialog.SaveFile
        defaultSuffix: csv ? "csv" : "json"
        nameFilters: csv ? [qsTr("CSV files (*.csv)")] : [qsTr("JSON files (*.json)")]
        onAccepted: csv ? ExtractionController.exportCsv(selectedFile) : ExtractionController.exportJson(selectedFile)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: 8

            Label {
                text: qsTr("Template")
            }
            ComboBox {
                id: templatePicker
                objectName: "templatePicker"
                readonly property var entries: view.templateEntries()
                model: entries.map((entry) => entry.title.length > 0 ? entry.title : entry.name)
                currentIndex: Math.max(0, entries.findIndex((entry) => entry.name === ExtractionController.templateName))
                Layout.preferredWidth: 220
                Accessible.name: qsTr("Extraction template")
                onActivated: (index) => {
                    const name = entries[index].name;
                    if (name.length > 0)
                        ExtractionController.useTemplate(name);
                }
            }
            Item {
                Layout.fillWidth: true
            }
            Button {
                objectName: "extractAddButton"
                text: qsTr("Add files…")
                Accessible.name: qsTr("Add files to extract from")
                onClicked: addDialog.open()
            }
            Button {
                objectName: "extractStartButton"
                text: ExtractionController.modelLoading && ExtractionController.running ? qsTr("Loading model…")
                                                                                        : qsTr("Start")
                highlighted: true
                enabled: ExtractionController.storageReady && !ExtractionController.running
                         && (ExtractionController.schemaValid || ExtractionController.pendingCount === 0)
                Accessible.name: qsTr("Start extraction")
                onClicked: view.startBatch()
            }
            Button {
                objectName: "extractPauseButton"
                text: qsTr("Pause")
                enabled: ExtractionController.running
                Accessible.name: qsTr("Pause after the current file")
                onClicked: ExtractionController.pause()
            }
            Button {
                objectName: "extractCancelButton"
                text: qsTr("Cancel")
                enabled: ExtractionController.running || ExtractionController.busy
                Accessible.name: qsTr("Cancel the batch")
                onClicked: ExtractionController.cancel()
            }
        }

        Label {
            objectName: "extractErrorLabel"
            Layout.fillWidth: true
            visible: text.length > 0
            text: ExtractionController.storageReady ? ExtractionController.lastError
                                                    : qsTr("Extraction needs the database, which could not be opened.")
            wrapMode: Text.WordWrap
            color: "#c0392b"
        }

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: Qt.Horizontal

            ColumnLayout {
                SplitView.preferredWidth: 340
                SplitView.minimumWidth: 240
                spacing: 6

                Label {
                    text: qsTr("Schema (JSON)")
                    font.weight: Font.DemiBold
                }
                ScrollView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredHeight: 240
                    TextArea {
                        id: schemaEditor
                        objectName: "schemaEditor"
                        // Not a binding: typing (or a test setting text) would break it; a template applies below.
                        Component.onCompleted: text = ExtractionController.schemaText
                        font.family: "monospace"
                        wrapMode: TextEdit.NoWrap
                        selectByMouse: true
                        placeholderText: qsTr("A JSON Schema: an object with properties, or an array of them")
                        Accessible.name: qsTr("Extraction schema as JSON")
                        // Tab moves focus on; the schema is JSON, so indentation is not needed to type it.
                        KeyNavigation.priority: KeyNavigation.BeforeItem
                        KeyNavigation.tab: queueView
                        onTextChanged: if (text !== ExtractionController.schemaText) ExtractionController.schemaText = text

                        Connections {
                            target: ExtractionController
                            function onSchemaChanged() {
                                if (schemaEditor.text !== ExtractionController.schemaText)
                                    schemaEditor.text = ExtractionController.schemaText;
                            }
                        }
                    }
                }
                Label {
                    objectName: "schemaProblemLabel"
                    Layout.fillWidth: true
                    text: ExtractionController.schemaValid ? qsTr("Schema OK") : ExtractionController.schemaProblem
                    wrapMode: Text.WordWrap
                    color: ExtractionController.schemaValid ? palette.placeholderText : "#c0392b"
                    Accessible.name: text
                }
                Label {
                    text: qsTr("Files")
                    font.weight: Font.DemiBold
                }
                ExtractQueue {
                    id: queueView
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredHeight: 200
                }
            }

            ColumnLayout {
                SplitView.fillWidth: true
                spacing: 6

                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        text: qsTr("Results")
                        font.weight: Font.DemiBold
                        Layout.fillWidth: true
                    }
                    Button {
                        objectName: "extractRerunButton"
                        text: qsTr("Re-run row")
                        enabled: resultsView.currentRow >= 0 && ExtractionController.storageReady
                        Accessible.name: qsTr("Extract the selected row's file again")
                        onClicked: ExtractionController.rerunRow(resultsView.currentRow)
                    }
                    Button {
                        objectName: "extractExportCsvButton"
                        text: qsTr("Export CSV…")
                        enabled: ExtractionController.records.rowCount > 0
                        Accessible.name: qsTr("Export the records as CSV")
                        onClicked: {
                            exportDialog.csv = true;
                            exportDialog.open();
                        }
                    }
                    Button {
                        objectName: "extractExportJsonButton"
                        text: qsTr("Export JSON…")
                        enabled: ExtractionController.records.rowCount > 0
                        Accessible.name: qsTr("Export the records as JSON")
                        onClicked: {
                            exportDialog.csv = false;
                            exportDialog.open();
                        }
                    }
                }
                ExtractResults {
                    id: resultsView
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                }
            }
        }
    }
}
