// ConversationDelegate.qml: one conversation in the sidebar: its title (renamed in place with F2 or the pencil),
// opened on click or Return, deleted (with undo) with Delete or the cross.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Lectern

ItemDelegate {
    id: row

    required property int index
    required property double conversationId
    required property string title

    property bool renaming: false
    readonly property bool current: conversationId === ChatController.currentConversationId

    highlighted: current
    padding: 8
    implicitHeight: 40
    Accessible.name: title
    Accessible.description: current ? qsTr("Open conversation") : qsTr("Conversation")

    function startRename() {
        renameField.text = row.title;
        row.renaming = true;
        renameField.forceActiveFocus();
        renameField.selectAll();
    }

    function finishRename(accept) {
        if (!row.renaming)
            return;
        row.renaming = false;
        if (accept)
            ChatController.renameConversation(row.conversationId, renameField.text);
    }

    onClicked: ChatController.selectConversation(conversationId)

    // The title and buttons sit over the delegate (not in contentItem: the rename field needs an id).
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: row.leftPadding
        anchors.rightMargin: row.rightPadding / 2
        spacing: 4

        Label {
            visible: !row.renaming
            text: row.title
            elide: Text.ElideRight
            font.weight: row.current ? Font.DemiBold : Font.Normal
            Layout.fillWidth: true
        }

        TextField {
            id: renameField
            objectName: "renameField"
            visible: row.renaming
            Layout.fillWidth: true
            Accessible.name: qsTr("Conversation title")
            onAccepted: row.finishRename(true)
            onActiveFocusChanged: if (!activeFocus) row.finishRename(true)
            Keys.onEscapePressed: row.finishRename(false)
        }

        ToolButton {
            objectName: "renameButton"
            visible: !row.renaming && (row.hovered || row.current)
            text: "✎"
            implicitWidth: 28
            onClicked: row.startRename()
            Accessible.name: qsTr("Rename conversation")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Rename (F2)")
        }

        ToolButton {
            objectName: "deleteButton"
            visible: !row.renaming && (row.hovered || row.current)
            text: "✕"
            implicitWidth: 28
            onClicked: ChatController.deleteConversation(row.conversationId)
            Accessible.name: qsTr("Delete conversation")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Delete (Del)")
        }
    }
}
