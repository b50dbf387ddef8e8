// FileDropArea.qml: accepts files dragged onto the window and shows a full-window hint while they hover.
import QtQuick
import QtQuick.Controls

DropArea {
    id: dropArea
    objectName: "fileDropArea"

    signal filesDropped(var urls)

    z: 1000
    onEntered: (drag) => {
        if (!drag.hasUrls)
            drag.accepted = false;
    }
    onDropped: (drop) => {
        if (!drop.hasUrls)
            return;
        dropArea.filesDropped(drop.urls);
        drop.acceptProposedAction();
    }

    Rectangle {
        objectName: "dropOverlay"
        anchors.fill: parent
        anchors.margins: 8
        visible: dropArea.containsDrag
        radius: 12
        color: Qt.rgba(hint.palette.highlight.r, hint.palette.highlight.g, hint.palette.highlight.b, 0.14)
        border.width: 2
        border.color: hint.palette.highlight

        Label {
            id: hint
            anchors.centerIn: parent
            text: qsTr("Drop files to attach them")
            font.pixelSize: 20
            font.weight: Font.DemiBold
            color: hint.palette.highlight
        }
    }
}
