// SamplingPanel.qml: the "Advanced" sampling overrides (temperature, top-p, top-k, presence penalty, max tokens,
// seed). An empty field keeps the model card's value, which depends on thinking and on images in the question.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Lectern

Popup {
    id: panel
    objectName: "samplingPanel"

    padding: 14
    modal: false
    focus: true

    // One row per override: key in AppSettings.samplingOverrides, label, whether it is a whole number.
    readonly property var fields: [
        { key: "temperature", label: qsTr("Temperature"), integer: false },
        { key: "topP", label: qsTr("Top-p"), integer: false },
        { key: "topK", label: qsTr("Top-k"), integer: true },
        { key: "presencePenalty", label: qsTr("Presence penalty"), integer: false },
        { key: "maxTokens", label: qsTr("Max tokens"), integer: true },
        { key: "seed", label: qsTr("Seed"), integer: true }
    ]

    function valueText(key) {
        const value = AppSettings.samplingOverrides[key];
        return value === undefined ? "" : String(value);
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            text: qsTr("Advanced sampling")
            font.weight: Font.DemiBold
        }
        Label {
            text: qsTr("Empty fields follow the model card (thinking or not, text or images).")
            font.pixelSize: 11
            wrapMode: Text.WordWrap
            Layout.preferredWidth: 260
            color: palette.placeholderText
        }

        GridLayout {
            columns: 2
            columnSpacing: 10
            rowSpacing: 6

            Repeater {
                model: panel.fields

                delegate: RowLayout {
                    id: row
                    required property var modelData
                    Layout.columnSpan: 2
                    spacing: 10

                    Label {
                        text: row.modelData.label
                        Layout.preferredWidth: 120
                    }
                    TextField {
                        objectName: "sampling_" + row.modelData.key
                        Layout.preferredWidth: 120
                        placeholderText: qsTr("default")
                        text: panel.valueText(row.modelData.key)
                        inputMethodHints: Qt.ImhFormattedNumbersOnly
                        validator: RegularExpressionValidator {
                            regularExpression: row.modelData.integer ? /[0-9]*/ : /-?[0-9]*([.,][0-9]*)?/
                        }
                        Accessible.name: row.modelData.label
                        onEditingFinished: {
                            const cleaned = text.replace(",", ".");
                            AppSettings.setSamplingOverride(row.modelData.key, cleaned.length > 0 ? Number(cleaned) : undefined);
                            text = panel.valueText(row.modelData.key);  // shows "" when the value was rejected
                        }
                    }
                }
            }
        }

        Button {
            objectName: "resetSamplingButton"
            text: qsTr("Use the model card's values")
            onClicked: AppSettings.clearSamplingOverrides()
            Accessible.name: text
        }
    }
}
