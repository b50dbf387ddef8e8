// AboutDialog.qml: About Lectern (F1 or the header's About button): name, version, the compute devices the engine
// sees and the licences of the parts Lectern is built from.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Lectern

Dialog {
    id: dialog
    objectName: "aboutDialog"

    title: qsTr("About Lectern")
    modal: true
    standardButtons: Dialog.Close
    // A standard button takes its accessible name from its text only once a screen reader is running: name it now.
    Component.onCompleted: standardButton(Dialog.Close).Accessible.name = standardButton(Dialog.Close).text
    anchors.centerIn: Overlay.overlay
    width: Math.min(540, parent ? parent.width - 80 : 540)
    height: Math.min(560, parent ? parent.height - 80 : 560)

    onOpened: AboutInfo.refreshDevices()

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: 10

            RowLayout {
                spacing: 12
                Image {
                    source: "qrc:/icons/lectern.svg"
                    sourceSize.width: 48
                    sourceSize.height: 48
                    Layout.preferredWidth: 48
                    Layout.preferredHeight: 48
                    Accessible.ignored: true
                }
                ColumnLayout {
                    spacing: 2
                    Label {
                        objectName: "aboutNameLabel"
                        text: AboutInfo.productName
                        font.pixelSize: 20
                        font.weight: Font.DemiBold
                    }
                    Label {
                        objectName: "aboutVersionLabel"
                        text: qsTr("Version %1").arg(AboutInfo.version)
                    }
                }
            }

            Label {
                text: qsTr("Ask questions about your PDFs, images and videos with a Qwen3.5 model running on this computer.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            Label {
                text: qsTr("Compute devices")
                font.weight: Font.DemiBold
            }
            Label {
                objectName: "aboutDevicesLabel"
                text: AboutInfo.scanningDevices ? qsTr("Looking for devices…") : AboutInfo.devicesText
                wrapMode: Text.WordWrap
                textFormat: Text.PlainText
                Layout.fillWidth: true
            }

            Label {
                text: qsTr("Built with")
                font.weight: Font.DemiBold
            }
            Repeater {
                objectName: "aboutComponents"
                model: AboutInfo.components
                delegate: Label {
                    required property var modelData
                    text: qsTr("%1 %2 — licence: %3").arg(modelData.name).arg(modelData.version).arg(modelData.licence)
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
            }

            Button {
                objectName: "aboutCopyButton"
                text: qsTr("Copy")
                Accessible.name: qsTr("Copy these details")
                onClicked: {
                    copyBuffer.text = AboutInfo.text();
                    copyBuffer.selectAll();
                    copyBuffer.copy();
                }
            }
            TextEdit {
                id: copyBuffer
                visible: false
                Accessible.ignored: true
            }
        }
    }
}
