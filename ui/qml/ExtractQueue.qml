// ExtractQueue.qml: the Extract view's batch queue: one row per file with its state, progress bar, records and error.
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Lectern

ListView {
    id: queue
    objectName: "extractQueue"

    function stateText(state) {
        switch (state) {
        case "added": return qsTr("Added");
        case "queued": return qsTr("Queued");
        case "running": return qsTr("Running");
        case "done": return qsTr("Done");
        case "failed": return qsTr("Failed");
        case "cancelled": return qsTr("Cancelled");
        }
        return state;
    }

    model: ExtractionController.jobs
    clip: true
    spacing: 2
    activeFocusOnTab: true
    keyNavigationEnabled: true
    highlightFollowsCurrentItem: true
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Extraction queue")
    ScrollBar.vertical: ScrollBar {}

    Label {
        anchors.centerIn: parent
        width: parent.width - 24
        visible: queue.count === 0
        text: qsTr("Drop files here or use Add files.")
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        color: queue.palette.placeholderText
    }

    delegate: ItemDelegate {
        id: row
        required property int index
        required property string fileName
        required property string path
        required property string state
        required property double progress
        required property int recordCount
        required property string error

        width: ListView.view.width
        highlighted: ListView.isCurrentItem
        Accessible.name: qsTr("%1: %2, %n record(s)", "", row.recordCount).arg(row.fileName).arg(queue.stateText(row.state))
        Accessible.description: row.error
        ToolTip.visible: hovered && (row.error.length > 0 || row.path.length > 0)
        ToolTip.text: row.error.length > 0 ? row.path + "\n" + row.error : row.path
        onClicked: queue.currentIndex = row.index

        contentItem: ColumnLayout {
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: row.fileName
                    elide: Text.ElideMiddle
                    Layout.fillWidth: true
                }
                Label {
                    text: row.state === "done" || row.recordCount > 0
                          ? qsTr("%1 · %n record(s)", "", row.recordCount).arg(queue.stateText(row.state))
                          : queue.stateText(row.state)
                    color: row.state === "failed" ? "#c0392b" : row.palette.placeholderText
                    font.pixelSize: 11
                }
            }
            ProgressBar {
                Layout.fillWidth: true
                visible: row.state === "running" || row.state === "done"
                from: 0
                to: 1
                value: row.progress
                indeterminate: row.state === "running" && row.progress === 0
                Accessible.name: qsTr("Progress of %1").arg(row.fileName)
            }
            Label {
                Layout.fillWidth: true
                visible: row.error.length > 0
                text: row.error
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
                font.pixelSize: 11
                color: row.state === "failed" ? "#c0392b" : row.palette.placeholderText
            }
        }
    }
}
