// ChatArea.qml: the conversation's messages, with a welcoming empty state while there are none.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Pane {
    id: chatArea
    objectName: "chatArea"

    readonly property alias messageCount: messages.count

    padding: 0
    background: Rectangle {
        color: chatArea.palette.base
    }

    ListView {
        id: messages
        objectName: "messageList"
        anchors.fill: parent
        anchors.margins: 16
        clip: true
        spacing: 12
        // model and delegate arrive with the chat controller; until then the conversation is empty.
    }

    ColumnLayout {
        objectName: "emptyState"
        visible: messages.count === 0
        anchors.centerIn: parent
        width: Math.min(parent.width - 64, 460)
        spacing: 10

        Image {
            source: "qrc:/icons/lectern.svg"
            sourceSize.width: 96
            sourceSize.height: 96
            Layout.preferredWidth: 96
            Layout.preferredHeight: 96
            Layout.alignment: Qt.AlignHCenter
            Layout.bottomMargin: 6
            Accessible.ignored: true
        }

        Label {
            objectName: "emptyStateTitle"
            text: qsTr("Ask about your documents")
            font.pixelSize: 22
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }

        Label {
            objectName: "emptyStateLabel"
            text: qsTr("Drop PDFs, images or videos here, or type a question")
            font.pixelSize: 14
            color: chatArea.palette.placeholderText
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }

        Label {
            objectName: "privacyNote"
            text: qsTr("Everything stays on this computer.")
            font.pixelSize: 12
            color: chatArea.palette.placeholderText
            opacity: 0.8
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
            Layout.topMargin: 4
        }
    }
}
