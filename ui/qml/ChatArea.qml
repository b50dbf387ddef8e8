// ChatArea.qml: the open conversation's messages (answers stream in as Markdown), a stop button while an answer is
// being written, errors, and a welcoming empty state while there are no messages.
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Lectern

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
        spacing: 18
        model: ChatController.messages
        // Follow the streamed answer while the view is at the end; stay put once the user scrolls up to read.
        property bool following: true
        onMovementEnded: following = atYEnd
        onContentHeightChanged: if (following) scrollToEnd.restart()
        onCountChanged: {
            following = true;
            scrollToEnd.restart();
        }

        // Scrolls once the layout has settled, not inside the change that moved it.
        Timer {
            id: scrollToEnd
            interval: 0
            onTriggered: messages.positionViewAtEnd()
        }
        Accessible.name: qsTr("Messages")
        ScrollBar.vertical: ScrollBar {}

        delegate: MessageDelegate {
            width: messages.width - 12
            isLast: index === messages.count - 1
        }
    }

    RoundButton {
        objectName: "stopButton"
        visible: ChatController.busy
        text: qsTr("Stop")
        icon.name: "media-playback-stop"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 14
        padding: 14
        onClicked: ChatController.stop()
        Accessible.name: qsTr("Stop the answer")
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Stop (Esc)")
    }

    Pane {
        objectName: "errorBanner"
        visible: ChatController.lastError.length > 0
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 12
        padding: 10
        background: Rectangle {
            radius: 8
            color: "#fdecea"
            border.color: "#e57373"
        }

        RowLayout {
            anchors.fill: parent
            spacing: 8

            Label {
                objectName: "errorLabel"
                text: ChatController.lastError
                color: "#7f1d1d"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            ToolButton {
                text: qsTr("Dismiss")
                onClicked: ChatController.clearError()
                Accessible.name: qsTr("Dismiss the error")
            }
        }
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
