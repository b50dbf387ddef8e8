// ReasoningBlock.qml: the model's reasoning for one answer, collapsed by default under "Thought for 12 s".
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ColumnLayout {
    id: reasoningBlock
    objectName: "reasoningBlock"

    property string text
    // Whole seconds the model thought; -1 while unknown.
    property int seconds: -1
    property bool streaming: false
    property bool expanded: false

    readonly property string title: seconds >= 0 ? qsTr("Thought for %n s", "", seconds)
                                                 : (streaming ? qsTr("Thinking…") : qsTr("Reasoning"))

    spacing: 4

    ToolButton {
        id: toggle
        objectName: "reasoningToggle"
        text: (reasoningBlock.expanded ? "▾  " : "▸  ") + reasoningBlock.title
        font.pixelSize: 13
        flat: true
        leftPadding: 6
        rightPadding: 10
        checkable: true
        checked: reasoningBlock.expanded
        onToggled: reasoningBlock.expanded = checked
        Accessible.name: reasoningBlock.title
        Accessible.description: reasoningBlock.expanded ? qsTr("Hide the reasoning") : qsTr("Show the reasoning")
    }

    Label {
        objectName: "reasoningText"
        visible: reasoningBlock.expanded
        text: reasoningBlock.text
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: reasoningBlock.palette.placeholderText
        font.italic: true
        leftPadding: 12
        Layout.fillWidth: true
        Accessible.name: qsTr("Reasoning")

        Rectangle {
            width: 2
            height: parent.height
            color: reasoningBlock.palette.mid
        }
    }
}
