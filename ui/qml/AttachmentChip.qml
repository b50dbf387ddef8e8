// AttachmentChip.qml: one attachment in the composer: thumbnail, name, page or frame count, token estimate,
// the importer's message when it failed, a PDF mode choice (text, page images, automatic) and a remove button.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Frame {
    id: chip

    required property int index
    required property string fileName
    required property string kind
    required property string importState
    required property real progress
    required property string errorMessage
    required property string warnings
    required property string countLabel
    required property var tokens
    required property string thumbnail
    required property string pdfMode

    signal removeRequested(int row)
    signal pdfModeRequested(int row, string mode)

    readonly property bool failed: importState === "failed"
    readonly property bool importing: importState === "importing"

    objectName: "attachmentChip"
    padding: 6
    implicitWidth: Math.min(layout.implicitWidth + leftPadding + rightPadding, 320)
    Accessible.role: Accessible.ListItem
    Accessible.name: failed ? qsTr("%1: %2").arg(fileName).arg(errorMessage)
                            : qsTr("%1, %2, about %3 tokens").arg(fileName).arg(countLabel).arg(tokens)
    ToolTip.visible: hovered && (failed || warnings.length > 0)
    ToolTip.text: failed ? errorMessage : warnings
    hoverEnabled: true

    background: Rectangle {
        radius: 8
        color: chip.failed ? Qt.rgba(0.85, 0.2, 0.2, 0.12) : chip.palette.base
        border.color: chip.failed ? "#c0392b" : chip.palette.mid
    }

    RowLayout {
        id: layout
        anchors.fill: parent
        spacing: 8

        Rectangle {
            Layout.preferredWidth: 40
            Layout.preferredHeight: 40
            radius: 4
            color: chip.palette.alternateBase
            clip: true
            Accessible.ignored: true

            Image {
                anchors.fill: parent
                source: chip.thumbnail
                fillMode: Image.PreserveAspectCrop
                visible: chip.thumbnail.length > 0
                asynchronous: true
            }
            Label {
                anchors.centerIn: parent
                visible: chip.thumbnail.length === 0 && !chip.importing
                text: chip.failed ? "!" : chip.kind.toUpperCase().slice(0, 4)
                font.pixelSize: 10
                font.weight: Font.DemiBold
                color: chip.failed ? "#c0392b" : chip.palette.placeholderText
            }
            BusyIndicator {
                anchors.fill: parent
                running: chip.importing
                visible: chip.importing
            }
        }

        ColumnLayout {
            spacing: 1
            Layout.fillWidth: true
            Layout.maximumWidth: 190

            Label {
                objectName: "attachmentName"
                text: chip.fileName
                elide: Text.ElideMiddle
                font.weight: Font.DemiBold
                Layout.fillWidth: true
            }
            Label {
                objectName: "attachmentDetails"
                Layout.fillWidth: true
                elide: Text.ElideRight
                font.pixelSize: 11
                color: chip.failed ? "#c0392b" : chip.palette.placeholderText
                text: chip.failed ? chip.errorMessage
                      : chip.importing ? qsTr("Reading… %1%").arg(Math.round(chip.progress * 100))
                      : qsTr("%1 · %2 tokens").arg(chip.countLabel).arg(Number(chip.tokens).toLocaleString(Qt.locale(), "f", 0))
            }
        }

        ComboBox {
            objectName: "pdfModeCombo"
            visible: chip.kind === "pdf" && !chip.failed
            Layout.preferredWidth: 110
            font.pixelSize: 11
            textRole: "text"
            valueRole: "value"
            model: [
                { value: "auto", text: qsTr("Automatic") },
                { value: "text", text: qsTr("Text") },
                { value: "images", text: qsTr("Page images") }
            ]
            currentIndex: Math.max(0, indexOfValue(chip.pdfMode))
            onActivated: chip.pdfModeRequested(chip.index, currentValue)
            Accessible.name: qsTr("How to send %1").arg(chip.fileName)
        }

        ToolButton {
            objectName: "removeAttachmentButton"
            text: "✕"
            font.pixelSize: 11
            Layout.preferredWidth: 24
            Layout.preferredHeight: 24
            onClicked: chip.removeRequested(chip.index)
            Accessible.name: qsTr("Remove %1").arg(chip.fileName)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Remove")
        }
    }
}
